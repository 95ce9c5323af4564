using System.Threading.RateLimiting;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// A fixed window per client IP address on the sign-in pages' form posts. Over the limit the page answers 429 with
/// Retry-After. Behind a reverse proxy, configure forwarded headers so the address is the client's, not the proxy's.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetSection(IdentityServerOptions.SectionName).Get<IdentityServerOptions>()?.SignInAttemptsPerMinute ?? 20;
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account")
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Html.Page(rejected.HttpContext, "Too many attempts",
                    """<p class="error">Too many attempts from your network. Wait a minute and try again.</p>""",
                    StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });
    }
}
