using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Erasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "erasure_notices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_numbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "erasure_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<int>(type: "integer", nullable: false),
                    pseudonym = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    counts = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_erasure_notices_waiting",
                table: "erasure_notices",
                columns: new[] { "partner_id", "id" },
                filter: "acknowledged_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_erasure_records_request_id",
                table: "erasure_records",
                column: "request_id");

            // The append-only tables let one thing through: replacing an erased person's id with their pseudonym, and only
            // inside pseudonymise_subject (which sets a transaction-local flag), and only when nothing else in the row changes.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND current_setting('connectingner.pseudonymising', true) = 'on'
                        AND to_jsonb(NEW) - 'subject_id' - 'actor_subject' = to_jsonb(OLD) - 'subject_id' - 'actor_subject' THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND current_setting('connectingner.pseudonymising', true) = 'on'
                        AND to_jsonb(NEW) - 'customer_id' - 'subscriber_id' = to_jsonb(OLD) - 'customer_id' - 'subscriber_id' THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'consent_records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE FUNCTION pseudonymise_subject(person uuid, pseudonym uuid, subscribers uuid[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM set_config('connectingner.pseudonymising', 'on', true);
                    UPDATE audit_events SET subject_id = pseudonym WHERE subject_id = person;
                    UPDATE audit_events SET actor_subject = pseudonym::text WHERE actor_subject = person::text;
                    UPDATE consent_records SET customer_id = pseudonym WHERE customer_id = person;
                    UPDATE consent_records SET subscriber_id = pseudonym WHERE subscriber_id = ANY(subscribers);
                    PERFORM set_config('connectingner.pseudonymising', 'off', true);
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS pseudonymise_subject(uuid, uuid, uuid[]);
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'consent_records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "erasure_notices");

            migrationBuilder.DropTable(
                name: "erasure_records");
        }
    }
}
