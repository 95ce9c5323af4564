using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Nominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "opened_by_nominee",
                table: "privacy_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nominee_email_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sealed_nominee = table.Column<byte[]>(type: "bytea", nullable: false),
                    nominated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_customer_id_id",
                table: "nominations",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_nominee_email_index",
                table: "nominations",
                column: "nominee_email_index",
                filter: "ended_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nominations");

            migrationBuilder.DropColumn(
                name: "opened_by_nominee",
                table: "privacy_requests");
        }
    }
}
