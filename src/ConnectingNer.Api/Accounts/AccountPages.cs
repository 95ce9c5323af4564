using ConnectingNer.Api.Identity;
using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Accounts.Commands;
using ConnectingNer.Application.Customers;
using ConnectingNer.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Api.Accounts;

/// <summary>
/// The sign-in server's own pages: sign in, register, confirm email, forgot and reset password. Each form carries an
/// anti-forgery token; a page only ever sends the browser on to a local address.
/// </summary>
public static class AccountPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/account", HomeAsync).ExcludeFromDescription();
        app.MapMethods("/account/login", [HttpMethods.Get, HttpMethods.Post], LoginAsync).ExcludeFromDescription();
        app.MapMethods("/account/register", [HttpMethods.Get, HttpMethods.Post], RegisterAsync).ExcludeFromDescription();
        app.MapGet("/account/confirm-email", ConfirmEmailAsync).ExcludeFromDescription();
        app.MapMethods("/account/forgot-password", [HttpMethods.Get, HttpMethods.Post], ForgotPasswordAsync).ExcludeFromDescription();
        app.MapMethods("/account/reset-password", [HttpMethods.Get, HttpMethods.Post], ResetPasswordAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> HomeAsync(HttpContext context, UserManager<AppUser> users, ICustomerStore customers)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null) return Results.Redirect("/account/login");
        return Html.Page(context, "Your account",
            $"""<p>Signed in as <strong>{Html.Encode((await customers.FindAsync(user.Id, context.RequestAborted))?.Email)}</strong>.</p><nav><a href="/connect/endsession">Sign out</a></nav>""");
    }

    /// <summary>Every failed sign-in gets this, whether the address is unknown, the password wrong or the account locked.</summary>
    public const string SignInFailed = "The email address or the password is wrong. After 5 wrong attempts an account is locked for 15 minutes; "
        + "you can reset your password meanwhile.";

    private static async Task<IResult> LoginAsync(
        HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions,
        IOptions<IdentityServerOptions> options, AccountMessages messages, DecoyPassword decoy)
    {
        var returnUrl = Html.IsLocalUrl(context.Request.Query["returnUrl"]) ? (string?)context.Request.Query["returnUrl"] : null;
        string? email = null;
        var errors = new List<string>();
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!await Html.IsFormValidAsync(context)) return Expired(context);
            var form = context.Request.Form;
            email = form["email"].ToString().Trim();
            returnUrl = Html.IsLocalUrl(form["returnUrl"]) ? (string?)form["returnUrl"] : null;
            var password = form["password"].ToString();
            var user = email.Length is > 0 and <= AccountErrors.EmailMaxLength ? await users.FindByEmailAsync(email) : null;
            SignInResult check;
            if (user is null || password.Length > AccountErrors.PasswordMaxLength || await users.IsLockedOutAsync(user))
            {
                // No account, or one that is locked: the same password hashing as a real check, and the same answer, so
                // neither the time nor the words say whether the address has an account (or that it is locked).
                await decoy.FailAsync(password, context.RequestAborted);
                check = SignInResult.Failed;
            }
            else
            {
                check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            }

            if (check.Succeeded && !user!.EmailConfirmed)
            {
                // The right password proves who is asking: tell them, and send a new link. No session, so no tokens.
                await messages.SendConfirmationAsync(user, email, context.RequestAborted);
                return Html.Page(context, "Confirm your email address first",
                    """<p class="error">This account's email address is not confirmed yet, so it cannot sign in. We have sent a new confirmation link to it: open it, then sign in again.</p>"""
                    + """<p><a href="/account/login">Sign in</a></p>""", StatusCodes.Status403Forbidden);
            }

            if (check.Succeeded)
            {
                await sessions.SignInAsync(user!);
                return Results.Redirect(returnUrl ?? "/account");
            }

            errors.Add(SignInFailed);
        }

        var query = returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var social = string.Concat(options.Value.ExternalProviders.Keys.Select(p =>
            $"""<p><a class="button" href="/account/external/{Html.Encode(p.ToLowerInvariant())}{Html.Encode(query)}">Continue with {Html.Encode(ExternalProviders.Canonical(p))}</a></p>"""));
        var body = Html.Errors(errors)
            + Html.Form(context, "/account/login",
                Html.Input("Email", "email", "email", email, "username") + Html.Input("Password", "password", "password", null, "current-password"),
                "Sign in", [KeyValuePair.Create("returnUrl", returnUrl)])
            + social
            + $"""<nav><a href="/account/register{Html.Encode(query)}">Create an account</a><a href="/account/forgot-password">Forgot password?</a></nav>""";
        return Html.Page(context, "Sign in", body, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, ISender sender)
    {
        string? email = null, name = null;
        var errors = new List<string>();
        var returnUrl = Html.IsLocalUrl(context.Request.Query["returnUrl"]) ? (string?)context.Request.Query["returnUrl"] : null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!await Html.IsFormValidAsync(context)) return Expired(context);
            var form = context.Request.Form;
            email = form["email"].ToString();
            name = form["displayName"].ToString();
            var result = await sender.Send(new RegisterCustomerCommand(email, form["password"].ToString(),
                string.IsNullOrWhiteSpace(name) ? null : name), context.RequestAborted);
            if (result.IsSuccess)
            {
                var signIn = "/account/login" + (Html.IsLocalUrl(form["returnUrl"]) ? "?returnUrl=" + Uri.EscapeDataString(form["returnUrl"]!) : "");
                return Html.Page(context, "Check your email",
                    $"""<p class="note">{Html.Encode(result.Value.NextStep)}</p><p><a href="{Html.Encode(signIn)}">Sign in</a></p>""");
            }

            errors.AddRange(result.Errors.Select(e => e.Message));
            returnUrl = Html.IsLocalUrl(form["returnUrl"]) ? (string?)form["returnUrl"] : null;
        }

        var body = Html.Errors(errors) + Html.Form(context, "/account/register",
            Html.Input("Email", "email", "email", email, "email")
            + Html.Input($"Password (at least {AccountErrors.PasswordMinLength} characters)", "password", "password", null, "new-password")
            + Html.Input("Your name (optional)", "displayName", "text", name, "name", required: false),
            "Create account", [KeyValuePair.Create("returnUrl", returnUrl)]);
        return Html.Page(context, "Create an account", body, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ConfirmEmailAsync(HttpContext context, string? userId, string? code, UserManager<AppUser> users)
    {
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        var token = AccountMessages.DecodeCode(code);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return Html.Page(context, "Link not valid",
                """<p class="error">This confirmation link is not valid or has expired.</p>""", StatusCodes.Status400BadRequest);
        return Html.Page(context, "Email confirmed", """<p class="note">Thank you: your email address is confirmed.</p><p><a href="/account/login">Sign in</a></p>""");
    }

    private static async Task<IResult> ForgotPasswordAsync(HttpContext context, UserManager<AppUser> users, AccountMessages messages)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!await Html.IsFormValidAsync(context)) return Expired(context);
            var email = context.Request.Form["email"].ToString().Trim();
            if (email.Length is > 0 and <= AccountErrors.EmailMaxLength && await users.FindByEmailAsync(email) is { } user)
                await messages.SendPasswordResetAsync(user, email, context.RequestAborted);
            // The same answer either way: the page does not tell who has an account.
            return Html.Page(context, "Check your email",
                """<p class="note">If an account uses this address, we have sent it a link to choose a new password.</p>""");
        }

        return Html.Page(context, "Forgot your password?",
            Html.Form(context, "/account/forgot-password", Html.Input("Email", "email", "email", null, "email"), "Send me a link"));
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext context, UserManager<AppUser> users)
    {
        var source = HttpMethods.IsPost(context.Request.Method) ? null : context.Request.Query;
        string? userId = source?["userId"], code = source?["code"];
        var errors = new List<string>();
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!await Html.IsFormValidAsync(context)) return Expired(context);
            var form = context.Request.Form;
            userId = form["userId"];
            code = form["code"];
            var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
            var token = AccountMessages.DecodeCode(code);
            var password = form["password"].ToString();
            if (password.Length > AccountErrors.PasswordMaxLength) errors.Add(AccountErrors.PasswordTooLong().Message);
            else if (user is null || token is null) errors.Add("This link is not valid or has expired.");
            else
            {
                var reset = await users.ResetPasswordAsync(user, token, password);
                if (reset.Succeeded)
                {
                    // A reset proves control of the mailbox: lift a lockout and confirm the address.
                    await users.SetLockoutEndDateAsync(user, null);
                    await users.ResetAccessFailedCountAsync(user);
                    if (!user.EmailConfirmed)
                    {
                        user.EmailConfirmed = true;
                        await users.UpdateAsync(user);
                    }

                    return Html.Page(context, "Password changed", """<p class="note">Your password is changed.</p><p><a href="/account/login">Sign in</a></p>""");
                }

                errors.AddRange(reset.Errors.Select(e => e.Code == "InvalidToken"
                    ? "This link is not valid or has expired."
                    : AccountDirectory.Map(e).Message));
            }
        }

        var body = Html.Errors(errors) + Html.Form(context, "/account/reset-password",
            Html.Input($"New password (at least {AccountErrors.PasswordMinLength} characters)", "password", "password", null, "new-password"),
            "Change password", [KeyValuePair.Create("userId", userId), KeyValuePair.Create("code", code)]);
        return Html.Page(context, "Choose a new password", body, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult Expired(HttpContext context) =>
        Html.Page(context, "Form expired", """<p class="error">This form has expired or did not come from this site. Go back, reload and try again.</p>""",
            StatusCodes.Status400BadRequest);
}
