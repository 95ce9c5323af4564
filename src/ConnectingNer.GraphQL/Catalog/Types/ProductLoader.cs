using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data.Loading;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Catalog.Types;

/// <summary>Products referenced from other objects (cart and order lines), loaded for the whole level in one query.</summary>
public static class ProductLoader
{
    public static IDataLoaderResult<ProductReadModel?> LoadProduct(this IResolveFieldContext context, int productId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(ProductReadModel), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<int, ProductReadModel?>(async (ids, ct) =>
                (await sender.Send(new GetProductsByIdsQuery([.. ids]), ct)).ToDictionary(p => p.Key, p => (ProductReadModel?)p.Value), null);
        });
        return loader.Load(productId);
    }
}
