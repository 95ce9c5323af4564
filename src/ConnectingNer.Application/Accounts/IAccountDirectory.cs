using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Accounts;

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
