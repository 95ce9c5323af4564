using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Catalog.Configurations;

internal sealed class PriceBreakConfiguration : IEntityTypeConfiguration<PriceBreak>
{
    public void Configure(EntityTypeBuilder<PriceBreak> builder)
    {
        builder.ToTable("product_price_breaks", t =>
        {
            t.HasCheckConstraint("ck_product_price_breaks_min_quantity", "min_quantity >= 2");
            t.HasCheckConstraint("ck_product_price_breaks_price_positive", "unit_price_paise > 0");
        });
        builder.HasKey(b => new { b.ProductId, b.MinQuantity });
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
