using ConnectingNer.Api.Identity;
using ConnectingNer.Infrastructure.Accounts;
using System.Threading.RateLimiting;
using ConnectingNer.Application.Accounts;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectingNer.Api.Accounts;

/// <summary>
/// One limit per client address on everything that tries an account: sign-in, registration and password reset, through
/// the pages or GraphQL's <c>registerCustomer</c> alike (a fixed window of <c>Identity:AccountAttemptsPerMinute</c>,
/// default 20). Over it, a page answers 429 with Retry-After and the mutation answers <c>account.too_many_attempts</c>.
/// Registration counts in its use case (both of its ways in send the same command); the other pages count here.
/// Behind a reverse proxy, list it in <c>Http:KnownProxies</c> so the address is the client's, not the proxy's.
/// </summary>
public sealed class AccountAttemptLimit : IDisposable
{
    private static readonly string[] LimitedPages = ["/account/login", "/account/forgot-password", "/account/reset-password"];

    private readonly PartitionedRateLimiter<string> _byAddress;

    public AccountAttemptLimit(int permitsPerMinute) =>
        _byAddress = PartitionedRateLimiter.Create<string, string>(address => address.Length == 0
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(address,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Takes one attempt for the request's client address; false when its window is used up.</summary>
    public bool TryAttempt(HttpContext context)
    {
        using var lease = _byAddress.AttemptAcquire(Address(context));
        return lease.IsAcquired;
    }

    /// <summary>The same windows, for the rate-limiting middleware: form posts to the sign-in and reset pages.</summary>
    public PartitionedRateLimiter<HttpContext> ForPages() => _byAddress.WithTranslatedKey<HttpContext>(context =>
        HttpMethods.IsPost(context.Request.Method) && LimitedPages.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
            ? Address(context)
            : "", leaveOpen: true);

    public void Dispose() => _byAddress.Dispose();

    public static IServiceCollection AddAccountAttemptLimit(IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetSection(IdentityServerOptions.SectionName).Get<IdentityServerOptions>()?.AccountAttemptsPerMinute ?? 20;
        services.AddSingleton(new AccountAttemptLimit(permits));
        services.AddScoped<IAccountAttemptLimit, CallerAttemptLimit>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<AccountAttemptLimit>((limiter, limit) =>
        {
            limiter.GlobalLimiter = limit.ForPages();
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                await Html.Page(rejected.HttpContext, "Too many attempts", TooManyAttemptsHtml, StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    public const string TooManyAttemptsHtml = """<p class="error">Too many attempts from your network. Wait a minute and try again.</p>""";

    /// <summary>The limit for the use cases: the current request's client address.</summary>
    private sealed class CallerAttemptLimit(AccountAttemptLimit limit, IHttpContextAccessor accessor) : IAccountAttemptLimit
    {
        public bool TryAttempt() => accessor.HttpContext is not { } context || limit.TryAttempt(context);
    }
}
