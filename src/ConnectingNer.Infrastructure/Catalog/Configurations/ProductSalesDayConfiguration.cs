using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Catalog.Configurations;

internal sealed class ProductSalesDayConfiguration : IEntityTypeConfiguration<ProductSalesDay>
{
    public void Configure(EntityTypeBuilder<ProductSalesDay> builder)
    {
        builder.ToTable("product_sales_days", t => t.HasCheckConstraint("ck_product_sales_days_units", "units >= 0"));
        builder.HasKey(s => new { s.ProductId, s.Day });
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
