using ConnectingNer.Api.Accounts;
using ConnectingNer.Api.Identity;
using ConnectingNer.Api.Persistence;
using ConnectingNer.Api.Security;
using ConnectingNer.Application.Common.Behaviors;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Paging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;

namespace ConnectingNer.Api;

/// <summary>The host's own parts of the composition root: each method is one line of <c>Program.cs</c>.</summary>
public static class ApiComposition
{
    /// <summary>The use cases: the source-generated mediator with the pipeline behaviors, outermost first.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services) =>
        services.AddMediator((Mediator.MediatorOptions options) =>
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

    /// <summary>
    /// How the generic GraphQL layer runs its queries here: EF Core's async execution (page sizes written into the SQL)
    /// and PostgreSQL's ILIKE.
    /// </summary>
    public static IServiceCollection AddDataFeatureAdapters(this IServiceCollection services) =>
        services.AddSingleton<IQueryExecutor, EfCoreQueryExecutor>().AddSingleton<IStringMatcher, NpgsqlStringMatcher>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PageSizeLiterals>();

    /// <summary>Who is calling (bearer tokens, the caller adapter, the policies) and the limits on every request.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        // API callers present OpenIddict access tokens: validated by OpenIddict's handler, then kept until expired or revoked.
        services.AddAuthentication(CachedBearerHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null);
        services.AddApiAuthorization();
        services.AddHttpHardening(configuration);
        services.AddHttpLogging(logging =>
        {
            // Method, path, status and duration only: headers and bodies can carry personal data.
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        return services;
    }

    /// <summary>The sign-in pages and their protections (anti-forgery, the per-address attempt limit).</summary>
    public static IServiceCollection AddAccountPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserSessions>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "connectingner.af";
            antiforgery.FormFieldName = Html.AntiforgeryField;
        });
        AccountAttemptLimit.AddAccountAttemptLimit(services, configuration);
        return services;
    }

    /// <summary>The request pipeline before the endpoints: hardening, logging, errors, input guard, rate limits, who is calling.</summary>
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseHttpHardening();
        app.UseHttpLogging();
        app.UseExceptionHandler(error => error.Run(context =>
            Results.Problem(title: "Unexpected error.", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context)));
        app.UseMiddleware<MalformedInputGuard>();
        app.UseRateLimiter();
        ApiAuthentication.Use(app);
        app.UseAuthorization();
        return app;
    }

    /// <summary>The OAuth 2.0 / OpenID Connect endpoints, social sign-in and the account pages.</summary>
    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        TokenEndpoint.Map(app);
        AuthorizationEndpoints.Map(app);
        ExternalLogin.Map(app);
        AccountPages.Map(app);
        Consent.EmailLinks.Map(app);
        PrivacyRequests.ExportDownload.Map(app);
        PrivacyRequests.AccountDeletionPage.Map(app);
        PrivacyRequests.EmailRequestPage.Map(app);
        return app;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers too).</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
