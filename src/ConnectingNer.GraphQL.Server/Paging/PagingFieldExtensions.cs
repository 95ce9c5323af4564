using GraphQL.Builders;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Paging;

public static class PagingFieldExtensions
{
    /// <summary>Adds the Relay arguments <c>first after last before</c> to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");
}
