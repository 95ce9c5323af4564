using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog;

/// <summary>Reads shared by the catalog commands, which answer with the product as it now is.</summary>
internal static class CatalogReads
{
    public static async Task<Result<ProductReadModel>> ProductAsync(IApplicationDbContext db, int id, CancellationToken ct) =>
        Result.Success(await db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(ProductReadModel.FromEntity).SingleAsync(ct));
}
