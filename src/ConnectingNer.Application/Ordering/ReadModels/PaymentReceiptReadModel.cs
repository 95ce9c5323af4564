using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>What a payment partner learns of an order: its number, amount and status — never who bought it or where it goes.</summary>
public sealed record PaymentReceiptReadModel(string OrderNumber, long AmountPaise, OrderStatus Status, string ProviderReference);
