namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>The privacy keys of the test hosts: two master keys (for rotation) and the blind-index key.</summary>
public static class TestPrivacyKeys
{
    public const string Current = "test-master-1";
    public const string Next = "test-master-2";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        [$"Privacy:MasterKeys:{Current}"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        [$"Privacy:MasterKeys:{Next}"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
        ["Privacy:CurrentMasterKeyId"] = Current,
        ["Privacy:BlindIndexKey"] = Convert.ToBase64String(Enumerable.Range(201, 40).Select(i => (byte)i).ToArray()),
    };
}
