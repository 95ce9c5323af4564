using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL.Builders;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Data;

public static class DataFieldExtensions
{
    /// <summary>Adds <c>where: TFilter</c>.</summary>
    public static FieldBuilder<TSource, TReturn> Filtering<TSource, TReturn, TFilter>(this FieldBuilder<TSource, TReturn> field)
        where TFilter : IFilterInputType =>
        field.Argument<TFilter>("where", "Only the items that match these conditions.");

    /// <summary>Adds <c>order: [TSort!]</c>.</summary>
    public static FieldBuilder<TSource, TReturn> Sorting<TSource, TReturn, TSort>(this FieldBuilder<TSource, TReturn> field)
        where TSort : ISortInputType =>
        field.Argument<ListGraphType<NonNullGraphType<TSort>>>("order", "The order of the items, first key first; ties are broken by id.");

    /// <summary>Filtering, sorting and the Relay paging arguments: what HotChocolate's UsePaging/UseFiltering/UseSorting add.</summary>
    public static FieldBuilder<TSource, TReturn> DataFeatures<TSource, TReturn, TFilter, TSort>(this FieldBuilder<TSource, TReturn> field)
        where TFilter : IFilterInputType
        where TSort : ISortInputType =>
        field.PagingArguments().Filtering<TSource, TReturn, TFilter>().Sorting<TSource, TReturn, TSort>();
}
