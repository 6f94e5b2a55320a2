using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromisesAndClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "business_calendars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hours = table.Column<string>(type: "text", nullable: false),
                    holidays = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clock_alerts",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    alert = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clock_alerts", x => new { x.ticket_id, x.kind, x.alert });
                });

            migrationBuilder.CreateTable(
                name: "ticket_clocks",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_seconds = table.Column<long>(type: "bigint", nullable: false),
                    elapsed_seconds = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    running_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_clocks", x => new { x.ticket_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "service_promises",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    calendar_id = table.Column<Guid>(type: "uuid", nullable: false),
                    targets = table.Column<string>(type: "text", nullable: false),
                    pause_on_third_party = table.Column<bool>(type: "boolean", nullable: false),
                    on_reopen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    warn_at_percent = table.Column<int>(type: "integer", nullable: false),
                    escalations = table.Column<string>(type: "text", nullable: false),
                    min_happiness = table.Column<int>(type: "integer", nullable: true),
                    max_lost_minutes = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_promises", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_promises_business_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalTable: "business_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_due_at_id",
                table: "tickets",
                columns: new[] { "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_business_calendars_name",
                table: "business_calendars",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_promises_calendar_id",
                table: "service_promises",
                column: "calendar_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_promises_service_id",
                table: "service_promises",
                column: "service_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_clocks_due_at",
                table: "ticket_clocks",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_clocks_service_id",
                table: "ticket_clocks",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_clocks_warn_at",
                table: "ticket_clocks",
                column: "warn_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock_alerts");

            migrationBuilder.DropTable(
                name: "service_promises");

            migrationBuilder.DropTable(
                name: "ticket_clocks");

            migrationBuilder.DropTable(
                name: "business_calendars");

            migrationBuilder.DropIndex(
                name: "ix_tickets_due_at_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "tickets");
        }
    }
}
