using System.Text;
using System.Text.Json;
using ConnectingNer.Application.Consent;
using ConnectingNer.Domain.Consent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>
/// Consent receipts as compact JWS (type <c>consent-receipt+jwt</c>) signed with the authorization server's first
/// signing key, the one its JWKS (<c>/.well-known/jwks</c>) publishes: anyone can verify a receipt offline with the
/// public keys alone. Receipts do not expire: they prove what was decided at the time.
/// </summary>
internal sealed class JwsConsentReceipts(IOptionsMonitor<OpenIddictServerOptions> server) : IConsentReceipts
{
    public const string TokenType = "consent-receipt+jwt";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Sign(ConsentReceiptContent content)
    {
        var options = server.CurrentValue;
        var credentials = options.SigningCredentials.FirstOrDefault()
            ?? throw new InvalidOperationException("The authorization server has no signing key.");
        var claims = new Dictionary<string, object>
        {
            ["jti"] = content.ReceiptId,
            ["sub"] = content.Subject,
            ["sub_type"] = content.SubjectType,
            ["iat"] = content.IssuedAt.ToUnixTimeSeconds(),
            ["policy_version"] = content.PolicyVersion,
            ["source"] = content.Source.ToString(),
            ["decisions"] = content.Decisions.Select(d => new Dictionary<string, object> { ["purpose"] = d.Purpose, ["granted"] = d.Granted }).ToList(),
        };
        if (content.ClientId is { } client) claims["client_id"] = client;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims, SigningCredentials = credentials, TokenType = TokenType, Issuer = options.Issuer?.AbsoluteUri,
        });
    }

    public async Task<ReceiptCheck> VerifyAsync(string receipt)
    {
        var result = await Handler.ValidateTokenAsync(receipt, new TokenValidationParameters
        {
            IssuerSigningKeys = server.CurrentValue.SigningCredentials.Select(c => c.Key).ToList(),
            ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false, RequireExpirationTime = false,
            ValidTypes = [TokenType],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            return new ReceiptCheck(false, null, "The receipt is malformed or not signed by this shop.");
        try
        {
            return new ReceiptCheck(true, Read(token), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new ReceiptCheck(false, null, "The receipt is signed but does not state a consent decision.");
        }
    }

    private static ConsentReceiptContent Read(JsonWebToken token)
    {
        using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedPayload)));
        var root = payload.RootElement;
        var decisions = root.GetProperty("decisions").EnumerateArray()
            .Select(d => new ReceiptDecision(d.GetProperty("purpose").GetString()!, d.GetProperty("granted").GetBoolean())).ToList();
        return new ConsentReceiptContent(
            root.GetProperty("jti").GetString()!, root.GetProperty("sub_type").GetString()!, root.GetProperty("sub").GetString()!, decisions,
            root.GetProperty("policy_version").GetString()!, Enum.Parse<ConsentSource>(root.GetProperty("source").GetString()!),
            DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
            root.TryGetProperty("client_id", out var client) ? client.GetString() : null);
    }
}
