using ConnectingNer.Application.Common.Security;

namespace ConnectingNer.Application.Tests.Support;

/// <summary>A caller as the host's claims adapter would describe them.</summary>
public sealed record FakeCaller : ICurrentUser
{
    public bool IsAuthenticated { get; init; } = true;

    public string? SubjectId { get; init; }

    public string? ClientId { get; init; } = "web-shop";

    public string? PartnerId { get; init; }

    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>();

    public string? DeclaredPurpose { get; init; }

    public static FakeCaller Anonymous => new() { IsAuthenticated = false, ClientId = null };

    public static FakeCaller Person(Guid id) => new() { SubjectId = id.ToString() };

    public static FakeCaller Staff(params string[] roles) => new() { SubjectId = Guid.NewGuid().ToString(), Roles = roles.ToHashSet() };

    public static FakeCaller Partner(string partnerId, params string[] scopes) =>
        new() { SubjectId = partnerId + "-client", ClientId = partnerId + "-client", PartnerId = partnerId, Scopes = scopes.ToHashSet() };
}
