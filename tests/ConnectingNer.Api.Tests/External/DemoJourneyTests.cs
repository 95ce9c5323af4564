using System.Diagnostics;
using ConnectingNer.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConnectingNer.Api.Tests.External;

/// <summary>
/// The README's ordering journey, as a script of curl commands (build/demo-journey.sh), run against the server on
/// real Kestrel: cart, sign-in through the sign-in page, checkout, payment partner, support, logistics partner.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class DemoJourneyTests(KestrelFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task TheCurlJourney_TakesAnOrderFromCartToDelivered()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            // Roles and the configured clients (the partners' among them), as every migration registers them.
            await scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Identity.IdentitySeeder>().SeedAsync(CancellationToken.None);
            var accounts = scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Accounts.AccountFactory>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectingNer.Infrastructure.Accounts.AppUser>>();
            await accounts.CreateAsync("journey@example.in", "journey-customer-pass", true, null, CancellationToken.None);
            var (_, support) = await accounts.CreateAsync("journey-support@example.in", "journey-support-pass", true, null, CancellationToken.None);
            await users.AddToRoleAsync(support, "support");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "build", "demo-journey.sh"));
        var settings = new Dictionary<string, string>
        {
            ["BASE"] = server.Endpoint[..^"/graphql".Length],
            ["CLIENT_ID"] = TestClients.MobileId, ["REDIRECT_URI"] = TestClients.MobileRedirect,
            ["CUSTOMER_EMAIL"] = "journey@example.in", ["CUSTOMER_PASSWORD"] = "journey-customer-pass",
            ["SUPPORT_EMAIL"] = "journey-support@example.in", ["SUPPORT_PASSWORD"] = "journey-support-pass",
            ["PAYMENTS_ID"] = TestClients.PaymentsId, ["PAYMENTS_SECRET"] = TestClients.PaymentsSecret,
            ["LOGISTICS_ID"] = TestClients.LogisticsId, ["LOGISTICS_SECRET"] = TestClients.LogisticsSecret,
            ["LOGISTICS_PARTNER"] = TestClients.LogisticsPartner,
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = await stderr + await stdout;
        output.WriteLine(text);

        Assert.True(process.ExitCode == 0, text);
        Assert.Matches(@"journey: order CN/\d{4}-\d\d/\d{6} delivered", await stdout);
        Assert.Contains("\"purpose\":\"delivery\"", text, StringComparison.Ordinal);
    }
}
