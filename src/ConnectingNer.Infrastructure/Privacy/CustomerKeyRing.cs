namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// The customers' data keys unwrapped during one request (a scoped service): a checkout that reads the customer and
/// then seals their address reads and unwraps the key once. Nothing outlives the request.
/// </summary>
public sealed class CustomerKeyRing
{
    private readonly Dictionary<Guid, byte[]> _keys = [];

    public void Remember(Guid customerId, byte[] dataKey) => _keys[customerId] = dataKey;

    public bool TryGet(Guid customerId, out byte[] dataKey) => _keys.TryGetValue(customerId, out dataKey!);
}
