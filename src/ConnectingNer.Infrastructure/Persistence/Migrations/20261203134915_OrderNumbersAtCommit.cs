using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderNumbersAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "number",
                table: "orders",
                type: "character varying(48)",
                maxLength: 48,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "invoice_number",
                table: "orders",
                type: "character varying(48)",
                maxLength: 48,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "financial_year",
                table: "orders",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            // Gapless numbers at commit: the counter row is held for the commit only (see decision 0009). The formats
            // are OrderNumbers.Order and OrderNumbers.Invoice: CN/2026-27/000123 and CNI/2627/000123.
            migrationBuilder.Sql("""
                CREATE FUNCTION number_order_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE next_number bigint;
                BEGIN
                    IF NEW.number LIKE 'pending:%' THEN
                        INSERT INTO order_number_counters (series, financial_year, last) VALUES ('order', NEW.financial_year, 1)
                        ON CONFLICT (series, financial_year) DO UPDATE SET last = order_number_counters.last + 1
                        RETURNING last INTO next_number;
                        UPDATE orders SET number = 'CN/' || NEW.financial_year || '/' || lpad(next_number::text, 6, '0') WHERE id = NEW.id;
                    END IF;
                    IF NEW.invoice_number LIKE 'pending:%' THEN
                        INSERT INTO order_number_counters (series, financial_year, last) VALUES ('invoice', NEW.financial_year, 1)
                        ON CONFLICT (series, financial_year) DO UPDATE SET last = order_number_counters.last + 1
                        RETURNING last INTO next_number;
                        UPDATE orders SET invoice_number = 'CNI/' || substr(replace(NEW.financial_year, '-', ''), 3) || '/' || lpad(next_number::text, 6, '0')
                        WHERE id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER orders_number_at_commit AFTER INSERT ON orders
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION number_order_at_commit();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER orders_number_at_commit ON orders; DROP FUNCTION number_order_at_commit();");
            migrationBuilder.DropColumn(
                name: "financial_year",
                table: "orders");

            migrationBuilder.AlterColumn<string>(
                name: "number",
                table: "orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(48)",
                oldMaxLength: 48);

            migrationBuilder.AlterColumn<string>(
                name: "invoice_number",
                table: "orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(48)",
                oldMaxLength: 48,
                oldNullable: true);
        }
    }
}
