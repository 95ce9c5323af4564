using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ConnectingNer.Api.Security;

/// <summary>
/// The HTTP defaults of every environment: <c>X-Content-Type-Options: nosniff</c> on every response; CORS only for the
/// origins in <c>Http:AllowedOrigins</c> (the web shop), without credentials; forwarded headers trusted only from the
/// proxies in <c>Http:KnownProxies</c>. Outside Development: HSTS and a redirect to HTTPS (<c>Http:RedirectToHttps</c>
/// turns the redirect off for a plain-HTTP benchmark or a proxy that speaks HTTP to us without forwarded headers).
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "web-shop";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Http");
        var origins = section.GetSection("AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Purpose")
            .DisallowCredentials()
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: by default nobody may say where a request came from (the per-address limits
            // count the connection's own address).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
            // ASP.NET Core leaves localhost out by default; outside Development there is no reason to.
            hsts.ExcludedHosts.Clear();
        });
        services.AddHttpsRedirection(https => https.HttpsPort = section.GetValue<int?>("HttpsPort") ?? 443);
        return services;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // On starting, so that even an error page written after a reset of the headers carries it.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        // With no proxy configured the middleware is left out: given empty lists, ASP.NET Core's forwarded-headers middleware
        // believes every sender.
        if (app.Configuration.GetSection("Http:KnownProxies").Get<string[]>() is { Length: > 0 }) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (app.Configuration.GetValue("Http:RedirectToHttps", true)) app.UseHttpsRedirection();
        }

        app.UseCors(CorsPolicy);
        return app;
    }
}
