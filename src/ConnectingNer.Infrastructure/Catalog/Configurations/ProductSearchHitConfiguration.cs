using ConnectingNer.Application.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Catalog.Configurations;

/// <summary>Rows of a raw search query, not a table.</summary>
internal sealed class ProductSearchHitConfiguration : IEntityTypeConfiguration<ProductSearchHit>
{
    public void Configure(EntityTypeBuilder<ProductSearchHit> hit) => hit.HasNoKey().ToView("product_search_hits");
}
