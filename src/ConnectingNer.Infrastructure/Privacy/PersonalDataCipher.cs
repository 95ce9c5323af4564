using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// Envelope encryption of personal data: each customer has a data key (AES-256-GCM) that encrypts their profile;
/// the data key is stored wrapped by a master key from configuration. Destroying the wrapped key makes the profile
/// unreadable for good (crypto-shredding). Ciphertexts are bound to the customer's id (associated data), so a row
/// copied onto another customer does not decrypt.
/// </summary>
public sealed class PersonalDataCipher
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _masterKeys;
    private readonly byte[] _blindIndexKey;
    private readonly byte[] _fingerprintKey;

    public PersonalDataCipher(IOptions<PrivacyOptions> options)
    {
        var o = options.Value;
        _masterKeys = o.MasterKeys.ToDictionary(k => k.Key, k => Key(k.Value, $"Privacy:MasterKeys:{k.Key}", exact: true));
        if (!_masterKeys.ContainsKey(o.CurrentMasterKeyId))
            throw new InvalidOperationException("Privacy:CurrentMasterKeyId must name one of Privacy:MasterKeys.");
        CurrentMasterKeyId = o.CurrentMasterKeyId;
        _blindIndexKey = Key(o.BlindIndexKey, "Privacy:BlindIndexKey", exact: false);
        // A key of its own for request fingerprints, derived so that no fingerprint can be matched against an email index.
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _blindIndexKey, 32, info: Encoding.UTF8.GetBytes("connectingner/request-fingerprint"));
    }

    public string CurrentMasterKeyId { get; }

    private static byte[] Key(string base64, string name, bool exact)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} must be base64.");
        }

        if (exact ? key.Length != 32 : key.Length < 32) throw new InvalidOperationException($"{name} must be {(exact ? "" : "at least ")}32 bytes.");
        return key;
    }

    /// <summary>A new random data key and its wrapped form under the current master key.</summary>
    public (byte[] DataKey, byte[] Wrapped) NewDataKey(Guid customerId)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        return (dataKey, Seal(_masterKeys[CurrentMasterKeyId], customerId, dataKey));
    }

    public byte[] Unwrap(string masterKeyId, byte[] wrapped, Guid customerId) =>
        Open(_masterKeys.TryGetValue(masterKeyId, out var master) ? master
            : throw new InvalidOperationException($"The master key '{masterKeyId}' is not configured."), customerId, wrapped);

    /// <summary>The same data key, wrapped again under the current master key.</summary>
    public byte[] Rewrap(string masterKeyId, byte[] wrapped, Guid customerId) =>
        Seal(_masterKeys[CurrentMasterKeyId], customerId, Unwrap(masterKeyId, wrapped, customerId));

    public static byte[] Seal(byte[] key, Guid customerId, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), customerId.ToByteArray());
        return output;
    }

    public static byte[] Open(byte[] key, Guid customerId, byte[] sealedData)
    {
        if (sealedData.Length < 1 + NonceSize + TagSize || sealedData[0] != FormatVersion)
            throw new CryptographicException("Not a sealed personal-data value.");
        var plaintext = new byte[sealedData.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.AsSpan(1, NonceSize), sealedData.AsSpan(1 + NonceSize + TagSize), sealedData.AsSpan(1 + NonceSize, TagSize),
            plaintext, customerId.ToByteArray());
        return plaintext;
    }

    /// <summary>The keyed hash of an email address (trimmed, lower case): equal addresses give equal indexes, nothing else.</summary>
    public string EmailIndex(string email) =>
        Convert.ToHexString(HMACSHA256.HashData(_blindIndexKey, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    /// <summary>A keyed hash of a request (its idempotency fingerprint): without the key, a guessed request cannot be confirmed.</summary>
    public string Fingerprint(ReadOnlySpan<byte> request) => Convert.ToHexString(HMACSHA256.HashData(_fingerprintKey, request));
}
