using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Ordering.Types;
using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering;

/// <summary>Carts, orders and shipments: each root field translates its arguments into one request.</summary>
public sealed class OrderingQueries : IQueryFields, INodeSource
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((System.Linq.Expressions.Expression<Func<OrderReadModel, int>>)(o => o.Id), Descending: true)];

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

        query.Field<OrdersConnectionType>("myOrders")
            .Description("Your orders, newest first unless ordered otherwise. Needs the `orders:read` scope.")
            .DataFeatures<object?, object, OrderFilterInputType, OrderSortInputType>()
            .AuthorizeWithPolicy(Policies.OrdersRead)
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListMyOrdersQuery(), ctx.CancellationToken), o => o.Id, NewestFirst));

        query.Field<OrdersConnectionType>("orders")
            .Description("Every order, newest first unless ordered otherwise, for support staff and administrators; personal fields as their role allows.")
            .DataFeatures<object?, object, OrderFilterInputType, OrderSortInputType>()
            .AuthorizeWithPolicy(Policies.OrdersManage)
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListOrdersQuery(), ctx.CancellationToken), o => o.Id, NewestFirst));

        query.Field<ShipmentsConnectionType>("shipmentsToFulfil")
            .Description("Logistics partners: your own assigned shipments not delivered yet, oldest first. Needs `orders:fulfil`.")
            .PagingArguments()
            .AuthorizeWithPolicy(Policies.OrdersFulfil)
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListShipmentsToFulfilQuery(), ctx.CancellationToken), s => s.Id));

        query.Field<ShipmentType>("shipment")
            .Description("Logistics partners: one of your shipments, delivered or not (the recipient is shown until seven days after delivery); "
                + "null with `NOT_FOUND` for any other.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The shipment's global id.")
            .AuthorizeWithPolicy(Policies.OrdersFulfil)
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.RequireInt(ctx.GetArgument<string>("id"), ShipmentType.TypeName, "id");
                return await ctx.Sender().Send(new GetShipmentQuery(id), ctx.CancellationToken)
                    ?? throw new CodedError(ErrorCodes.NotFound, "No shipment matches.");
            });

        query.Field<ListGraphType<NonNullGraphType<OrganisationType>>>("myOrganisations")
            .Description("The organisations you buy for.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListMyOrganisationsQuery(), ctx.CancellationToken));

        query.Field<ListGraphType<NonNullGraphType<OrganisationInvitationType>>>("myOrganisationInvitations")
            .Description("Invitations addressed to your email address.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListMyOrganisationInvitationsQuery(), ctx.CancellationToken));

        query.Field<OrderType>("order")
            .Description("One of your orders by id (staff: any order); null with `NOT_FOUND` for any other, exactly as for an id that does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's global id.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.RequireInt(ctx.GetArgument<string>("id"), OrderType.TypeName, "id");
                return (await ctx.Sender().Send(new GetOrdersByIdsQuery([id]), ctx.CancellationToken)).GetValueOrDefault(id)
                    ?? throw new CodedError(ErrorCodes.NotFound, "No order matches.");
            });
    }

    /// <summary>Orders by global id: only those the caller may read (their own, or any for staff).</summary>
    public void AddTo(NodeResolvers nodes) => nodes
        .Register(OrderType.TypeName, async (ctx, ids) =>
            (await ctx.Sender().Send(new GetOrdersByIdsQuery(ids), ctx.CancellationToken)).ToDictionary(p => p.Key, p => (object)p.Value));
}
