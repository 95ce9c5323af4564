using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DataExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_exports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    size_in_bytes = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_exports", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_exports_privacy_request_request_id",
                        column: x => x.request_id,
                        principalTable: "privacy_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_exports_created_at",
                table: "data_exports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_data_exports_customer_id_created_at",
                table: "data_exports",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_data_exports_request_id",
                table: "data_exports",
                column: "request_id");

            // Exports are kept seven days; the retention job deletes them after (the download link stops at the same moment).
            migrationBuilder.InsertData("retention_rules", ["code", "what", "months", "days", "from_event", "legal_basis", "action"],
                ["exports", "Data exports written for access requests (the encrypted file)", 0, 7, "creation",
                    "The person was given the file; a copy kept longer serves no purpose", "Delete"]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData("retention_rules", "code", "exports");
            migrationBuilder.DropTable(
                name: "data_exports");
        }
    }
}
