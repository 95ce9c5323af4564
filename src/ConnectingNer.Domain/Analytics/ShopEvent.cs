namespace ConnectingNer.Domain.Analytics;

public enum ShopEventType
{
    ProductViewed,
    Searched,
    AddedToCart,
}

/// <summary>
/// One thing a person did in the shop (clickstream), stored only while their analytics consent holds. It carries no
/// full network address and no full user agent: the address's network (/24, /48) and the browser's family and
/// version. Deleted after <see cref="RetentionMonths"/> months.
/// </summary>
public sealed class ShopEvent
{
    public const int RetentionMonths = 13;
    public const int QueryMaxLength = 200;

    private ShopEvent() { }

    public ShopEvent(ShopEventType type, Guid? customerId, Guid? deviceId, int? productId, string? query, DateTimeOffset occurredAt,
        DateTimeOffset receivedAt, string? network, string? browser, string? clientId)
    {
        Type = type;
        CustomerId = customerId;
        DeviceId = deviceId;
        ProductId = productId;
        Query = query;
        OccurredAt = occurredAt;
        ReceivedAt = receivedAt;
        Network = network;
        Browser = browser;
        ClientId = clientId;
    }

    public int Id { get; private set; }

    public ShopEventType Type { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? DeviceId { get; private set; }

    public int? ProductId { get; private set; }

    /// <summary>What was searched for (<see cref="ShopEventType.Searched"/>).</summary>
    public string? Query { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The sender's network: an IPv4 address cut to /24, an IPv6 address to /48 (<c>203.0.113.0/24</c>).</summary>
    public string? Network { get; private set; }

    /// <summary>The browser's family and major version (<c>Chrome 120</c>), nothing else of the user agent.</summary>
    public string? Browser { get; private set; }

    public string? ClientId { get; private set; }
}
