using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed class OrderStatusOperationFilterInputType() : EnumOperationFilterInputType<OrderStatusType>("OrderStatusOperationFilterInput");

public sealed class PaymentMethodOperationFilterInputType() : EnumOperationFilterInputType<PaymentMethodType>("PaymentMethodOperationFilterInput");

public sealed class OrderFilterInputType : FilterInputGraphType<OrderReadModel>
{
    public OrderFilterInputType() : base("OrderFilterInput", "Conditions on orders.")
    {
        Filter("number", o => o.Number, "The order number.");
        FilterEnum<OrderStatus, OrderStatusOperationFilterInputType>("status", o => o.Status, "Where the order is.");
        FilterEnum<PaymentMethod, PaymentMethodOperationFilterInputType>("paymentMethod", o => o.PaymentMethod, "How it is paid.");
        Filter("placedAt", o => o.PlacedAt, "When it was placed.");
        Filter("totalPaise", o => o.TotalPaise, "Its total in paise.");
        Filter("purchaseOrderNumber", o => o.PurchaseOrderNumber, "An organisation's PO number.");
    }
}

public sealed class OrderSortInputType : SortInputGraphType<OrderReadModel>
{
    public OrderSortInputType() : base("OrderSortInput", "A key to order orders by.")
    {
        Sort("number", o => o.Number, "By order number.");
        Sort("placedAt", o => o.PlacedAt, "By when it was placed.");
        Sort("totalPaise", o => o.TotalPaise, "By total.");
        Sort("status", o => o.Status, "By status.");
    }
}

public sealed class OrdersConnectionType() : ConnectionGraphType<OrderType, OrderReadModel>("OrdersConnection", "An order.");
