using System.Linq.Expressions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Querying;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;

namespace ConnectingNer.Application.Catalog;

/// <summary>The one rule of which products a caller may see: active ones, and all of them for catalog staff.</summary>
internal static class VisibleProducts
{
    public static IQueryable<Product> For(IApplicationDbContext db, ICurrentUser user)
    {
        var products = db.Products.AsNoTrackingCached();
        return IncludesInactive(user) ? products : products.WhereCached(Active);
    }

    /// <summary>Built once: a lambda written in place is a new expression tree, built by reflection, on every request.</summary>
    private static readonly Expression<Func<Product, bool>> Active = p => p.IsActive;

    /// <summary>Whether the caller also sees products withdrawn from sale.</summary>
    public static bool IncludesInactive(ICurrentUser user) => user.Satisfies(Policies.CatalogWrite);
}
