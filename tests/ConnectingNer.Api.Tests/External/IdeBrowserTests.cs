using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Xunit.Abstractions;

namespace ConnectingNer.Api.Tests.External;

/// <summary>Headless Debian Chromium opens the IDE, which must load the schema with nothing beyond loopback.</summary>
[Collection(KestrelCollection.Name)]
public sealed class IdeBrowserTests(KestrelFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Ide_WhenOpenedInBrowser_LoadsTheSchemaOffline()
    {
        var artifacts = Environment.GetEnvironmentVariable("CONNECTINGNER_ARTIFACTS") ?? Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "ide.png");
        if (File.Exists(screenshot)) File.Delete(screenshot);

        var (exitCode, text) = await KestrelFixture.RunNodeAsync("ide-check.mjs", server.Endpoint, screenshot);
        output.WriteLine(text);

        Assert.True(exitCode == 0, text);
        Assert.Contains("introspected=true schemaShown=true", text);
        Assert.Contains("outside=0", text);
        Assert.True(File.Exists(screenshot));
    }

    [Fact]
    public async Task Ide_SignsInWithOAuthCodeAndPkce_OnOurSignInPage_AndQueriesAsTheCustomer()
    {
        // The IDE's public client, registered for this host's address (the Development settings register it for :5080).
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync("graphql-ide") is null)
            {
                var ide = new OpenIddictApplicationDescriptor
                {
                    ClientId = "graphql-ide", ClientType = OpenIddictConstants.ClientTypes.Public, ConsentType = OpenIddictConstants.ConsentTypes.Implicit,
                    RedirectUris = { new Uri(server.Endpoint + "/") },
                    Permissions =
                    {
                        OpenIddictConstants.Permissions.Endpoints.Authorization, OpenIddictConstants.Permissions.Endpoints.Token,
                        OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode, OpenIddictConstants.Permissions.ResponseTypes.Code,
                        OpenIddictConstants.Permissions.Scopes.Profile, OpenIddictConstants.Permissions.Scopes.Email,
                    },
                    Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
                };
                await applications.CreateAsync(ide);
                await scope.ServiceProvider.GetRequiredService<AccountFactory>().CreateAsync("ide.user@example.in", "ide-password-1", true, "IDE user", CancellationToken.None);
            }
        }

        var artifacts = Environment.GetEnvironmentVariable("CONNECTINGNER_ARTIFACTS") ?? Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        var (exitCode, text) = await KestrelFixture.RunNodeAsync("ide-signin.mjs", server.Endpoint, "ide.user@example.in", "ide-password-1",
            Path.Combine(artifacts, "ide-signin.png"));
        output.WriteLine(text);

        Assert.True(exitCode == 0, text);
        Assert.Contains("me.email=ide.user@example.in", text);
    }
}
