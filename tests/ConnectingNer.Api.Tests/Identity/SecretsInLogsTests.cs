using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Every log line of the host, at every level, to search for what must never be written.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{category} {formatter(state, exception)} {properties} {exception}");
        }
    }
}

[Collection(ApiCollection.Name)]
public sealed class SecretsInLogsTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PasswordsAndTokens_NeverReachTheLogs_AtAnyLevel()
    {
        const string password = "Zubeen-Garg-Secret-77";
        var logs = new CapturingLoggerProvider();
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        await using var host = factory.WithWebHostBuilder(builder =>
        {
            foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "OpenIddict" })
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        });

        await new GraphQLClient(host.CreateClient()).PostAsync(
            "mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { errors { code } } }",
            new { i = new { email = "logs@example.in", password } });
        var browser = Browser.For(host);
        await browser.GetAsync(factory.Emails.Last("logs@example.in").Link());
        await browser.SubmitAsync(await browser.GetAsync("/account/login"),
            new Dictionary<string, string> { ["email"] = "logs@example.in", ["password"] = password + "-wrong" });
        var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var back = await flow.SignInAsync(browser, "logs@example.in", password);
        var (_, tokens) = await flow.RedeemAsync(host.CreateClient(), back.LocationParameter("code")!, TestClients.WebSecret);
        var accessToken = tokens["access_token"]!.GetValue<string>();

        Assert.True(logs.Lines.Count > 200, "the capture saw too little to prove anything");
        Assert.DoesNotContain(logs.Lines, line => line.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(accessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(TestClients.WebSecret, StringComparison.Ordinal));
    }
}
