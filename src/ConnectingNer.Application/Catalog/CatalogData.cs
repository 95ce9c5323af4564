using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog;

/// <summary>The catalog's tables, as the unit of work's sets.</summary>
public static class CatalogData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<Category> Categories => db.Set<Category>();

        public DbSet<Product> Products => db.Set<Product>();

        public DbSet<PriceBreak> PriceBreaks => db.Set<PriceBreak>();
    }
}
