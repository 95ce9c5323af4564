using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Accounts;

/// <summary>A sign-in provider linked to an account (Google, Facebook).</summary>
public sealed record ExternalLoginReadModel(string Provider, string ProviderDisplayName);

/// <summary>The signed-in person's account, as they may see it.</summary>
public sealed record AccountReadModel(
    Guid Id, string Email, bool EmailConfirmed, string? DisplayName, bool HasPassword, IReadOnlyList<ExternalLoginReadModel> ExternalLogins);

/// <summary>What a registration answers: the same whether or not the address already had an account.</summary>
public sealed record RegistrationReadModel(string Email, string NextStep);

/// <summary>The sign-in accounts (ASP.NET Core Identity in Infrastructure).</summary>
public interface IAccountDirectory
{
    /// <summary>
    /// Creates a customer account and sends the email confirmation. When the address already has an account,
    /// creates nothing and tells the owner by email instead, so the answer does not reveal who is a customer.
    /// </summary>
    Task<Result> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken);

    /// <summary>Fails with <c>account.not_signed_in</c> when the account does not exist.</summary>
    Task<Result> UnlinkExternalLoginAsync(Guid accountId, string provider, CancellationToken cancellationToken);
}
