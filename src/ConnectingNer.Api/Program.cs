using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Api;
using ConnectingNer.Api.Persistence;
using ConnectingNer.Application;
using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Server;
using ConnectingNer.Infrastructure;
using ConnectingNer.Infrastructure.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
// OpenIddict writes whole tokens at Debug and Trace: whatever a configuration asks for, it logs from Information up.
builder.Logging.AddFilter("OpenIddict", LogLevel.Information);

builder.Services
    .AddApplication()
    .AddUseCases()
    .AddInfrastructure(builder.Configuration)
    .AddIdentityServer(builder.Configuration, isTesting: builder.Environment.IsEnvironment("Testing"))
    .AddGraphQLApi(builder.Configuration)
    .AddDataFeatureAdapters()
    .AddApiSecurity(builder.Configuration)
    .AddAccountPages(builder.Configuration);

var app = builder.Build();
if (await HostCommands.TryRunAsync(app, args)) return;
app.Services.VerifyKeys();
// Not in tests: they start many hosts in one process, and each would spend both cores warming up at once.
if (!app.Environment.IsEnvironment("Testing"))
{
    StartupWarmUp.Begin(app.Services, app.Logger);
    RuntimeEnvironment.WarnIfMissing(app.Logger);
}
if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
    await app.Services.PrepareDatabaseAsync(app.Configuration.GetValue<bool>("Database:SeedDemoData"), CancellationToken.None);

app.UseApiPipeline();
app.MapIdentityEndpoints();
app.MapHealthEndpoints();
app.UseGraphQLServer<AppSchema>();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host it.</summary>
public partial class Program;
