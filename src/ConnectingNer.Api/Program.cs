using ConnectingNer.Api;
using ConnectingNer.Api.Identity;
using ConnectingNer.Api.Persistence;
using ConnectingNer.Api.Security;
using ConnectingNer.Application;
using ConnectingNer.Application.Common.Behaviors;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Server;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

// OpenIddict writes whole tokens at Debug and Trace: whatever a configuration asks for, it logs from Information up.
builder.Logging.AddFilter("OpenIddict", LogLevel.Information);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, isTesting: builder.Environment.IsEnvironment("Testing"));
builder.Services.AddGraphQLApi(builder.Configuration);
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(ConnectingNer.Application.DependencyInjection)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(IdempotencyBehavior<,>),
        typeof(TransactionBehavior<,>),
    ];
});
builder.Services.AddSingleton<IQueryExecutor, EfCoreQueryExecutor>();
builder.Services.AddSingleton<IStringMatcher, NpgsqlStringMatcher>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
builder.Services.AddScoped<IPersonalDataAccess, PersonalDataAccess>();
builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PersonalDataHandler>();
builder.Services.AddScoped<ConnectingNer.Api.Identity.UserSessions>();
builder.Services.AddAntiforgery(antiforgery =>
{
    antiforgery.Cookie.Name = "connectingner.af";
    antiforgery.FormFieldName = ConnectingNer.Api.Identity.Html.AntiforgeryField;
});
// API callers present OpenIddict access tokens; the validation handler is the default scheme.
builder.Services.AddAuthentication(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
builder.Services.AddAuthorization(AuthorizationPolicies.Add);
AccountAttemptLimit.AddAccountAttemptLimit(builder.Services, builder.Configuration);
builder.Services.AddHttpHardening(builder.Configuration);
builder.Services.AddHttpLogging(logging =>
{
    // Method, path, status and duration only: headers and bodies can carry personal data.
    logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
        | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    logging.CombineLogs = true;
});

var app = builder.Build();
if (await HostCommands.TryRunAsync(app, args)) return;

if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
    await app.Services.MigrateDatabaseAsync(app.Configuration.GetValue<bool>("Database:SeedDemoData"), CancellationToken.None);

app.UseHttpHardening();
app.UseHttpLogging();
app.UseExceptionHandler(error => error.Run(context =>
    Results.Problem(title: "Unexpected error.", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context)));
app.UseMiddleware<MalformedInputGuard>();
app.UseRateLimiter();
ApiAuthentication.Use(app);
app.UseAuthorization();
ConnectingNer.Api.Identity.TokenEndpoint.Map(app);
ConnectingNer.Api.Identity.AuthorizationEndpoints.Map(app);
ConnectingNer.Api.Identity.ExternalLogin.Map(app);
ConnectingNer.Api.Identity.AccountPages.Map(app);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.UseGraphQLServer<AppSchema>();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host it.</summary>
public partial class Program;
