using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Mail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mail_mailboxes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unknown_senders = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    token_hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    imap_host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    imap_port = table.Column<int>(type: "integer", nullable: false),
                    imap_tls = table.Column<bool>(type: "boolean", nullable: false),
                    imap_account = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    imap_folder = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    processed_folder = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    last_fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_fetch_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    leased_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_mailboxes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mail_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    mailbox_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_id = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    content_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    from_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    to_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ticket_id = table.Column<long>(type: "bigint", nullable: true),
                    comment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    in_reply_to = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    references = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    leased_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mail_mailboxes_name",
                table: "mail_mailboxes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_mailboxes_token_hash",
                table: "mail_mailboxes",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_content_sha256",
                table: "mail_messages",
                column: "content_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_event_id",
                table: "mail_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_message_id",
                table: "mail_messages",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_state_next_attempt_at",
                table: "mail_messages",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_ticket_id_created_at",
                table: "mail_messages",
                columns: new[] { "ticket_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_mailboxes");

            migrationBuilder.DropTable(
                name: "mail_messages");
        }
    }
}
