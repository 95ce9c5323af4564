using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogDataFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "tags",
                table: "products",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateTable(
                name: "product_sales_days",
                columns: table => new
                {
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_sales_days", x => new { x.product_id, x.day });
                    table.CheckConstraint("ck_product_sales_days_units", "units >= 0");
                    table.ForeignKey(
                        name: "fk_product_sales_days_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_products_name_id",
                table: "products",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_price_paise_id",
                table: "products",
                columns: new[] { "price_paise", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_tags",
                table: "products",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Full-text search: English stems for descriptions, plain words for names and SKUs, so transliterated
            // names (Bhut Jolokia, Chak-Hao) match as typed; pg_trgm word similarity catches typos in names.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                ALTER TABLE products ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
                    setweight(to_tsvector('simple', coalesce(sku, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(description, '')), 'C')
                ) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_products_search_vector ON products USING gin (search_vector);");
            migrationBuilder.Sql("CREATE INDEX ix_products_name_trgm ON products USING gin (name gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_name_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_search_vector;");
            migrationBuilder.Sql("ALTER TABLE products DROP COLUMN IF EXISTS search_vector;");

            migrationBuilder.DropTable(
                name: "product_sales_days");

            migrationBuilder.DropIndex(
                name: "ix_products_name_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_price_paise_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tags",
                table: "products");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "products");
        }
    }
}
