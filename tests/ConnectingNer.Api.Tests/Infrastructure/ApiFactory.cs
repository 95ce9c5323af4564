using ConnectingNer.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>The real host (Program) against a test database, with the test-only authentication scheme.</summary>
public class ApiFactory(string connectionString, SqlCommandCounter? sql = null, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    /// <summary>Every email the host "sent".</summary>
    public CapturedEmails Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        // Every test runs with EF Core's check that a context is never used by two operations at once.
        builder.UseSetting("Database:ThreadSafetyChecks", "true");
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        builder.UseSetting("Identity:RequireHttps", "false");
        // Tests run the retention job themselves, when their data is in place.
        builder.UseSetting("Retention:FirstRunDelay", "1.00:00:00");
        // The tests explore the schema and the IDE as a developer would (both are off unless configured); a host in
        // another environment keeps that environment's settings.
        if (environment == "Testing")
        {
            builder.UseSetting("GraphQL:EnableIntrospection", "true");
            builder.UseSetting("GraphQL:Ide:Enabled", "true");
            // The test server speaks plain HTTP; Production's redirect to HTTPS has a test of its own.
            builder.UseSetting("Http:RedirectToHttps", "false");
        }
        builder.UseSetting("Identity:AllowEphemeralKeys", "true");
        builder.UseSetting("Identity:SigningCertificate", TestCertificates.Signing);
        builder.UseSetting("Identity:EncryptionCertificate", TestCertificates.Encryption);
        builder.UseSetting("Identity:TokenEncryptionKey", Convert.ToBase64String(Enumerable.Range(50, 32).Select(i => (byte)i).ToArray()));
        builder.UseSetting("Identity:PublicOrigin", "https://localhost");
        // Every test posts sign-in forms from the same (unknown) address; one test sets a low limit on its own host.
        builder.UseSetting("Identity:AccountAttemptsPerMinute", "100000");
        builder.UseSetting("Identity:EmailsPerAddressPerHour", "100000");
        foreach (var (key, value) in TestPrivacyKeys.Settings) builder.UseSetting(key, value);
        foreach (var (key, value) in TestClients.Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ConnectingNer.Infrastructure.Accounts.IEmailSender>(Emails);
            services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, options =>
                    // Requests without the test header are authenticated as in production: by their access token.
                    options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey("X-Test-User")
                        ? null
                        : ConnectingNer.Api.Security.CachedBearerHandler.SchemeName);
            if (sql is not null)
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new CountingInterceptor(sql)));
        });
    }
}

/// <summary>Counts every SQL command the host's DbContext executes.</summary>
internal sealed class CountingInterceptor(SqlCommandCounter counter) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        counter.Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        counter.Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
