using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Ordering.Types;
using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering;

/// <summary>Carts, orders and shipments: each root field translates its arguments into one request.</summary>
public sealed class OrderingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<CartType>("cart")
            .Description("A cart by id: an anonymous cart for whoever holds its id, a customer's cart for that customer only. "
                + "Null with `NOT_FOUND` otherwise.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The cart's global id.")
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.RequireGuid(ctx.GetArgument<string>("id"), CartType.TypeName, "id");
                return await ctx.Sender().Send(new GetCartQuery(id), ctx.CancellationToken)
                    ?? throw new CodedError(ErrorCodes.NotFound, "No cart matches.");
            });

        query.Field<CartType>("myCart")
            .Description("The signed-in customer's cart, on every device; null when they have none yet.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new GetCartQuery(null), ctx.CancellationToken));
    }
}
