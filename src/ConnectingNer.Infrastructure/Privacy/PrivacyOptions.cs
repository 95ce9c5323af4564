namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>Keys that protect personal data at rest (section <c>Privacy</c>). Keep them out of the database and of source control.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Master keys by id, each 32 random bytes in base64. They wrap the customers' data keys; old ones stay until
    /// every data key has been re-wrapped with the current one (<c>privacy rotate-master-key</c>).
    /// </summary>
    public Dictionary<string, string> MasterKeys { get; set; } = [];

    /// <summary>The master key that wraps new data keys and that rotation re-wraps to.</summary>
    public string CurrentMasterKeyId { get; set; } = "";

    /// <summary>At least 32 random bytes in base64: the key of the email blind index (a keyed hash, so sign-in by email works).</summary>
    public string BlindIndexKey { get; set; } = "";
}
