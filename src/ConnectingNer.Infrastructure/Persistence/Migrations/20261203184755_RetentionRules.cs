using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RetentionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    placed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_rules",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    what = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    from_event = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_rules", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rule = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ran_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_customer_id",
                table: "legal_holds",
                column: "customer_id",
                filter: "released_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_rule_id",
                table: "retention_runs",
                columns: new[] { "rule", "id" });

            // The rules every environment starts with: the job deletes by the DELETE rules, the others say what must stay.
            string[] columns = ["code", "what", "months", "days", "from_event", "legal_basis", "action"];
            object[,] rules =
            {
                { "events", "Clickstream events (views, searches, cart additions)", 13, 0, "occurred",
                    "Analytics with consent; 13 months allow a year-on-year comparison (DPDP Act §8(7): erased once the purpose is served)", "Delete" },
                { "carts", "Carts untouched by anyone", 0, 30, "last change", "An abandoned cart has served its purpose", "Delete" },
                { "privacy_requests.closed", "Completed and rejected privacy requests, with their steps", 36, 0, "closed",
                    "Proof of how requests were answered, for the limitation period", "Delete" },
                { "tokens", "Access, refresh and authorization tokens", 0, 0, "expiry or revocation",
                    "Kept only as issued: the authorization server prunes them once expired or revoked", "Delete" },
                { "invoices", "GST invoices and the order lines they show", 96, 0, "invoice date",
                    "CGST Act s.36 and Rule 56: accounts kept 72 months after the annual return's due date (8 years from the invoice at most)",
                    "KeepAtLeast" },
                { "audit_events", "The disclosure ledger (who was shown whose data)", 12, 0, "disclosure",
                    "DPDP Rules: logs of processing kept at least one year", "KeepAtLeast" },
            };
            migrationBuilder.InsertData("retention_rules", columns, rules);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "retention_rules");

            migrationBuilder.DropTable(
                name: "retention_runs");
        }
    }
}
