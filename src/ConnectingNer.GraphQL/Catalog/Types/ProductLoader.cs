using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Data.Projection;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Catalog.Types;

/// <summary>
/// Products referenced from other objects (cart and order lines), loaded for the whole level in one query that reads
/// only what the field's selection needs (the projection is kept with the field's node of the cached document).
/// </summary>
public static class ProductLoader
{
    public static IDataLoaderResult<ProductReadModel?> LoadProduct(this IResolveFieldContext context, int productId)
    {
        var projection = context.FieldDefinition.ResolvedType?.GetNamedType() is IComplexGraphType type && context.FieldAst.SelectionSet is { } selection
            ? FieldPlans.GetOrAdd(context, null, () => ProjectionBuilder.Build<ProductReadModel>(type, [selection], context.Document))
            : null;
        // Fields with the same selection share a loader (and its statement); another selection gets its own.
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd((typeof(ProductReadModel), projection), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<int, ProductReadModel?>(async (ids, ct) =>
                (await sender.Send(new GetProductsByIdsQuery([.. ids], projection), ct)).ToDictionary(p => p.Key, p => (ProductReadModel?)p.Value), null);
        });
        return loader.Load(productId);
    }
}
