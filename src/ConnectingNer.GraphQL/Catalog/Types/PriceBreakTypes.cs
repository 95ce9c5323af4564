using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class PriceBreakType : ObjectGraphType<PriceBreak>
{
    public PriceBreakType()
    {
        Name = "PriceBreak";
        Description = "A bulk price: from `minQuantity` units on, each costs `unitPrice`.";
        Field(b => b.MinQuantity).Description("The fewest units the price applies to.");
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price of one unit, GST included.").ResolveFromSource(source => source.UnitPricePaise);
    }
}

public sealed record PriceBreakInput(int MinQuantity, long UnitPricePaise);

public sealed class PriceBreakInputType : InputObjectGraphType<PriceBreakInput>
{
    public PriceBreakInputType()
    {
        Name = "PriceBreakInput";
        Description = "A bulk price.";
        Field(i => i.MinQuantity).Description("From this many units on (2 or more).");
        Field(i => i.UnitPricePaise).Description("The unit price in paise: below the list price and below every break for fewer units.");
    }
}

public sealed record SetProductPriceBreaksInput(string ProductId, List<PriceBreakInput> Breaks);

public sealed class SetProductPriceBreaksInputType : InputObjectGraphType<SetProductPriceBreaksInput>
{
    public SetProductPriceBreaksInputType()
    {
        Name = "SetProductPriceBreaksInput";
        Description = $"A product's bulk prices (at most {PriceBreak.MaxBreaks}; an empty list removes them).";
        Field<NonNullGraphType<IdGraphType>>("productId").Description("The product.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceBreakInputType>>>>("breaks").Description("The breaks.");
    }
}

public sealed class SetProductPriceBreaksPayloadType()
    : PayloadType<ProductType, ProductReadModel>("SetProductPriceBreaksPayload", "product", "The result of `setProductPriceBreaks`.");

/// <summary>Price breaks of every product of a level, in one query.</summary>
public static class PriceBreakLoader
{
    public static IDataLoaderResult<IReadOnlyList<PriceBreak>> LoadPriceBreaks(this IResolveFieldContext context, int productId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(PriceBreak), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<int, IReadOnlyList<PriceBreak>>(async (ids, ct) => await sender.Send(new LoadPriceBreaksQuery(ids), ct), []);
        });
        return loader.Load(productId);
    }
}
