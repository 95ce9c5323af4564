using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NewsletterSubscribers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_consent_records_purpose",
                table: "consent_records");

            migrationBuilder.DropCheckConstraint(
                name: "ck_consent_records_subject",
                table: "consent_records");

            migrationBuilder.AddColumn<Guid>(
                name: "subscriber_id",
                table: "consent_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "newsletter_subscribers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sealed_email = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_newsletter_subscribers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_purpose_customer_id_subscriber_id_recorded_",
                table: "consent_records",
                columns: new[] { "purpose", "customer_id", "subscriber_id", "recorded_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_subscriber_id",
                table: "consent_records",
                column: "subscriber_id",
                filter: "subscriber_id IS NOT NULL AND customer_id IS NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_consent_records_subject",
                table: "consent_records",
                sql: "customer_id IS NOT NULL OR device_id IS NOT NULL OR subscriber_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_newsletter_subscribers_email_index",
                table: "newsletter_subscribers",
                column: "email_index",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "newsletter_subscribers");

            migrationBuilder.DropIndex(
                name: "ix_consent_records_purpose_customer_id_subscriber_id_recorded_",
                table: "consent_records");

            migrationBuilder.DropIndex(
                name: "ix_consent_records_subscriber_id",
                table: "consent_records");

            migrationBuilder.DropCheckConstraint(
                name: "ck_consent_records_subject",
                table: "consent_records");

            migrationBuilder.DropColumn(
                name: "subscriber_id",
                table: "consent_records");

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_purpose",
                table: "consent_records",
                column: "purpose");

            migrationBuilder.AddCheckConstraint(
                name: "ck_consent_records_subject",
                table: "consent_records",
                sql: "customer_id IS NOT NULL OR device_id IS NOT NULL");
        }
    }
}
