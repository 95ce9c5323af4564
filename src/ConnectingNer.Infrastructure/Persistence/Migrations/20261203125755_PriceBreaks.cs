using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PriceBreaks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_price_breaks",
                columns: table => new
                {
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    min_quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price_paise = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_price_breaks", x => new { x.product_id, x.min_quantity });
                    table.CheckConstraint("ck_product_price_breaks_min_quantity", "min_quantity >= 2");
                    table.CheckConstraint("ck_product_price_breaks_price_positive", "unit_price_paise > 0");
                    table.ForeignKey(
                        name: "fk_product_price_breaks_product_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_price_breaks");
        }
    }
}
