using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Catalog.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", t =>
        {
            t.HasCheckConstraint("ck_products_price_positive", "price_paise > 0");
            t.HasCheckConstraint("ck_products_stock_not_negative", "stock >= 0");
        });
        builder.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Product.DescriptionMaxLength).IsRequired();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Tags).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.HasIndex(p => p.CategoryId);
        builder.HasIndex(p => p.Tags).HasMethod("gin");
        // Seek paging over the common orders: by name and by price, both ending in the key.
        builder.HasIndex(p => new { p.Name, p.Id });
        builder.HasIndex(p => new { p.PricePaise, p.Id });
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
