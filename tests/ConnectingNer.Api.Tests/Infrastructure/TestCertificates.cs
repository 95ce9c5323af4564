using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>
/// Token certificates made once per test run: every test host (and the fake providers) would otherwise generate
/// fresh RSA keys on start, seconds each on a small machine.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<string> SigningPfx = new(() => Create("connectingner-test-signing"));
    private static readonly Lazy<string> EncryptionPfx = new(() => Create("connectingner-test-encryption"));

    public static string Signing => SigningPfx.Value;

    public static string Encryption => EncryptionPfx.Value;

    public static X509Certificate2 Load(string pfx) =>
        X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pfx), null, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>A self-signed certificate fit for signing and encrypting tokens, as a base64 PFX.</summary>
    public static string Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
