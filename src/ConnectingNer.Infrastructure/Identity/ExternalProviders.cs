namespace ConnectingNer.Infrastructure.Identity;

/// <summary>Names and callback paths of the social-login providers.</summary>
public static class ExternalProviders
{
    public const string Google = "Google";
    public const string Facebook = "Facebook";

    /// <summary>The provider name as OpenIddict and the user_logins table spell it (<c>google</c> → <c>Google</c>).</summary>
    public static string Canonical(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();

    public static string CallbackPath(string name) => $"callback/login/{name.ToLowerInvariant()}";
}
