using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_purposes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    retention_days = table.Column<int>(type: "integer", nullable: false),
                    partners = table.Column<List<string>>(type: "text[]", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_purposes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "privacy_policy_versions",
                columns: table => new
                {
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    material = table.Column<bool>(type: "boolean", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_policy_versions", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    granted = table.Column<bool>(type: "boolean", nullable: false),
                    policy_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_records", x => x.id);
                    table.CheckConstraint("ck_consent_records_subject", "customer_id IS NOT NULL OR device_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_consent_records_consent_purposes_purpose",
                        column: x => x.purpose,
                        principalTable: "consent_purposes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consent_records_privacy_policy_versions_policy_version",
                        column: x => x.policy_version,
                        principalTable: "privacy_policy_versions",
                        principalColumn: "version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_customer_id_id",
                table: "consent_records",
                columns: new[] { "customer_id", "id" },
                filter: "customer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_device_id",
                table: "consent_records",
                column: "device_id",
                filter: "device_id IS NOT NULL AND customer_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_policy_version",
                table: "consent_records",
                column: "policy_version");

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_purpose",
                table: "consent_records",
                column: "purpose");

            migrationBuilder.CreateIndex(
                name: "ix_privacy_policy_versions_published_at",
                table: "privacy_policy_versions",
                column: "published_at");

            // Append-only: a consent decision is never changed or removed; the current state is derived from the rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'consent_records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER consent_records_no_update_or_delete BEFORE UPDATE OR DELETE ON consent_records
                    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
                CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
                    FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
                """);

            // The purposes people are asked about, and the policy as first published: every environment has them.
            string[] columns = ["code", "name", "description", "legal_basis", "retention_days", "partners", "position"];
            object[,] purposes =
            {
                { "essential", "Essential", "Keeps your cart, signs you in, takes and delivers your orders, issues GST invoices and protects the shop "
                    + "against fraud and abuse. Always on: the shop cannot work without it, so it needs no consent.",
                    "contract", 2190, new List<string> { "payment provider", "logistics partner" }, 0 },
                { "analytics", "Analytics", "Records the products you view, what you search for and what you add to your cart, so that we can see "
                    + "what works and fix what does not. Others see only totals of groups of at least ten people.",
                    "consent", 396, new List<string> { "analytics partner (aggregates only)" }, 1 },
                { "personalisation", "Personalised recommendations", "Uses your own views and searches to recommend products to you. Without it, "
                    + "you see what is popular.", "consent", 396, new List<string>(), 2 },
                { "marketing.email", "Offers by email", "Our newsletter and offers by email. Every email has a one-click unsubscribe link.",
                    "consent", 730, new List<string> { "email delivery provider" }, 3 },
                { "marketing.sms", "Offers by SMS", "Offers by text message.", "consent", 730, new List<string> { "SMS gateway" }, 4 },
                { "marketing.whatsapp", "Offers on WhatsApp", "Offers on WhatsApp.", "consent", 730,
                    new List<string> { "WhatsApp Business provider" }, 5 },
                { "third_party_sharing", "Advertising partners", "Lets advertising partners set cookies and receive data about your visits to "
                    + "show you our products elsewhere.", "consent", 396, new List<string> { "advertising partners" }, 6 },
            };
            migrationBuilder.InsertData("consent_purposes", columns, purposes);

            using var policy = typeof(ConsentRecords).Assembly.GetManifestResourceStream("privacy-policy-1.0.txt")
                ?? throw new InvalidOperationException("The first privacy policy is missing from the assembly.");
            using var reader = new System.IO.StreamReader(policy);
            migrationBuilder.InsertData("privacy_policy_versions", ["version", "text", "summary", "material", "published_at"],
                ["1.0", reader.ReadToEnd().Trim(), "The privacy policy as first published.", true, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS consent_records_no_truncate ON consent_records; DROP TRIGGER IF EXISTS consent_records_no_update_or_delete ON consent_records;");

            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS consent_records_append_only();");

            migrationBuilder.DropTable(
                name: "consent_purposes");

            migrationBuilder.DropTable(
                name: "privacy_policy_versions");
        }
    }
}
