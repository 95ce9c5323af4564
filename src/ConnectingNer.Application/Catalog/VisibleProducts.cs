using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog;

/// <summary>The one rule of which products a caller may see: active ones, and all of them for catalog staff.</summary>
internal static class VisibleProducts
{
    public static async ValueTask<IQueryable<Product>> ForAsync(IApplicationDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        return await user.SatisfiesAsync(Policies.CatalogWrite, cancellationToken) ? products : products.Where(p => p.IsActive);
    }
}
