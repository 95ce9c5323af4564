using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Accounts;

/// <summary>Stable error codes of sign-in accounts.</summary>
public static class AccountErrors
{
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;
    public const int DisplayNameMaxLength = 100;

    public static Error EmailRequired(string field = "email") => new("account.email_required", "An email address is required.", field);

    public static Error EmailInvalid(string field = "email") =>
        new("account.email_invalid", $"This is not an email address (at most {EmailMaxLength} characters).", field);

    public static Error PasswordTooShort(string field = "password") =>
        new("account.password_too_short", $"A password has at least {PasswordMinLength} characters.", field);

    public static Error PasswordTooLong(string field = "password") =>
        new("account.password_too_long", $"A password has at most {PasswordMaxLength} characters.", field);

    public static Error PasswordTooSimple(string field = "password") =>
        new("account.password_too_simple", "A password needs at least 4 different characters.", field);

    public static Error DisplayNameTooLong(string field = "displayName") =>
        new("account.display_name_too_long", $"A name has at most {DisplayNameMaxLength} characters.", field);

    public static Error TooManyAttempts() =>
        new("account.too_many_attempts", "Too many attempts from your network. Wait a minute and try again.");

    public static Error NotSignedIn() => new("account.not_signed_in", "Sign in as a customer first.");

    public static Error ExternalLoginNotFound(string field = "provider") =>
        new("account.external_login_not_found", "This account has no sign-in with that provider.", field);

    public static Error LastSignInMethod(string field = "provider") =>
        new("account.last_sign_in_method",
            "This is the only way to sign in to the account: set a password (password reset) before unlinking it.", field);

    /// <summary>An Identity failure we have no better code for; the code says which rule.</summary>
    public static Error Rejected(string identityCode, string message, string? field) =>
        new("account." + string.Concat(identityCode.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())), message, field);
}
