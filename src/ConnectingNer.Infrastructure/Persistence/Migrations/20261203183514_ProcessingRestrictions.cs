using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProcessingRestrictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lifted_at",
                table: "privacy_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "purposes",
                table: "privacy_requests",
                type: "text[]",
                nullable: true);

            // Whether a restriction or objection of the customer in force stops the purpose: the one definition the
            // statements that list people by purpose (audiences, aggregates) share.
            migrationBuilder.Sql("""
                CREATE FUNCTION processing_restricted(customer uuid, purpose text) RETURNS boolean LANGUAGE sql STABLE AS $$
                    SELECT EXISTS (SELECT 1 FROM privacy_requests AS pr
                        WHERE pr.customer_id = customer AND pr.type IN ('Restriction', 'Objection') AND pr.status <> 'Rejected'
                          AND pr.lifted_at IS NULL AND (coalesce(cardinality(pr.purposes), 0) = 0 OR purpose = ANY (pr.purposes)))
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS processing_restricted(uuid, text);");

            migrationBuilder.DropColumn(
                name: "lifted_at",
                table: "privacy_requests");

            migrationBuilder.DropColumn(
                name: "purposes",
                table: "privacy_requests");
        }
    }
}
