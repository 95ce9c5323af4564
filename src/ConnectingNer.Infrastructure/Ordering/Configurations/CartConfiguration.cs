using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Ordering.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> builder)
    {
        builder.ToTable("carts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        // A customer has one cart, whichever device they use.
        builder.HasIndex(c => c.CustomerId).IsUnique();
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> builder)
    {
        builder.ToTable("cart_lines", t => t.HasCheckConstraint("ck_cart_lines_quantity", $"quantity BETWEEN {CartLine.MinQuantity} AND {CartLine.MaxQuantity}"));
        builder.HasKey(l => new { l.CartId, l.ProductId });
        builder.HasOne<ConnectingNer.Domain.Catalog.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
