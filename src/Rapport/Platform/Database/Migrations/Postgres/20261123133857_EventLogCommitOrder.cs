using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Platform.Database.Migrations.Postgres
{
    /// <summary>
    /// Records the writing transaction of every event, so that the dispatcher reads events in commit
    /// order (see PostgresEventFeed). Not part of the EF model: only the dispatcher reads it.
    /// </summary>
    public partial class EventLogCommitOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE event_log ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();");
            migrationBuilder.Sql("CREATE INDEX ix_event_log_tx_id_sequence ON event_log (tx_id, sequence);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_event_log_tx_id_sequence;");
            migrationBuilder.Sql("ALTER TABLE event_log DROP COLUMN tx_id;");
        }
    }
}
