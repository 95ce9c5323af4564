using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Application.Privacy;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>Delivers account email. Production plugs in a mail service; Development and tests log or capture.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message to the log instead of sending it (Development): the body with its link, the recipient
/// masked. Never registered where real customers sign up without a mail service: see README.
/// </summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        logger.LogInformation("Email to {To}: {Subject}\n{Body}", Masks.Email(to), subject, body);
        return Task.CompletedTask;
    }
}

/// <summary>The account messages: links are built on the configured public origin, never on the request's Host header.</summary>
public sealed class AccountMessages(
    UserManager<AppUser> users, IEmailSender sender, MailboxThrottle throttle, IOptions<IdentityServerOptions> options,
    ILogger<AccountMessages> logger)
{
    private string Origin => options.Value.PublicOrigin.TrimEnd('/');

    /// <summary>Sends unless the address has had its share of account emails this hour.</summary>
    private Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        if (throttle.TryAcquire(to)) return sender.SendAsync(to, subject, body, cancellationToken);
        logger.LogWarning("Account email to {To} not sent: too many this hour", Masks.Email(to));
        return Task.CompletedTask;
    }

    public async Task SendConfirmationAsync(AppUser user, string email, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = $"{Origin}/account/confirm-email?userId={user.Id}&code={UrlEncoder.Default.Encode(code)}";
        await SendAsync(email, "Confirm your email address",
            $"Welcome to Connecting NER. Confirm your address by opening this link: {link}", cancellationToken);
    }

    public Task SendAlreadyRegisteredAsync(string email, CancellationToken cancellationToken) =>
        SendAsync(email, "You already have an account",
            $"Someone tried to create an account with this address, which already has one. If it was you, sign in, or "
            + $"set a new password at {Origin}/account/forgot-password. If not, you can ignore this message.", cancellationToken);

    public async Task SendPasswordResetAsync(AppUser user, string email, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{Origin}/account/reset-password?userId={user.Id}&code={UrlEncoder.Default.Encode(code)}";
        await SendAsync(email, "Reset your password",
            $"Open this link to choose a new password (it works once, for a limited time): {link}", cancellationToken);
    }

    /// <summary>The token from a link's <c>code</c>; null when it is not one of ours.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
