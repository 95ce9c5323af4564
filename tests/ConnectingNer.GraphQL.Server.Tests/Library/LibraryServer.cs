using System.Data.Common;
using System.Linq.Expressions;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ConnectingNer.GraphQL.Server.Tests.Library;

/// <summary>
/// One PostgreSQL database of books for the whole test run (created once, read by every test) and a way to start the
/// GraphQL server over it with any settings, in memory (ASP.NET Core's test server).
/// </summary>
public sealed class LibraryDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>The data never changes, so test runs share one database per version of it (mutation testing starts hundreds).</summary>
    private const string DatabaseName = "gqlserver_library_v1";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("CONNECTINGNER_TEST_PG")
            ?? throw new InvalidOperationException("Set CONNECTINGNER_TEST_PG to a PostgreSQL server (build/test.sh does).");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        // One creator at a time; the others wait, then find the database ready.
        await using (var lockIt = new NpgsqlCommand("SELECT pg_advisory_lock(7102026)", admin)) await lockIt.ExecuteNonQueryAsync();
        try
        {
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", admin);
            if (await exists.ExecuteScalarAsync() is not null) return;
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName}_new", admin)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}_new", admin)) await create.ExecuteNonQueryAsync();
            var building = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName + "_new", Pooling = false }.ConnectionString;
            await using (var db = new LibraryDb(new DbContextOptionsBuilder<LibraryDb>().UseNpgsql(building).Options))
            {
                await db.Database.EnsureCreatedAsync();
                db.Shelves.AddRange(LibraryData.Shelves());
                db.Books.AddRange(LibraryData.Books());
                await db.SaveChangesAsync();
            }

            // Renamed only once complete: a run that stopped half-way leaves no half-seeded database behind.
            await using var rename = new NpgsqlCommand($"ALTER DATABASE {DatabaseName}_new RENAME TO {DatabaseName}", admin);
            await rename.ExecuteNonQueryAsync();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7102026)", admin);
            await unlock.ExecuteNonQueryAsync();
            await DefaultServerAsync();
        }
    }

    private Task<LibraryServer>? _default;

    /// <summary>A server with the default settings (introspection on), shared by every test that needs nothing else.</summary>
    public Task<LibraryServer> DefaultServerAsync() => _default ??= StartDefaultAsync();

    private async Task<LibraryServer> StartDefaultAsync()
    {
        var server = await LibraryServer.StartAsync(this);
        // Built here, before any test runs: mutation testing then counts the schema's construction as every test's.
        server.Services.GetRequiredService<LibrarySchema>().Initialize();
        return server;
    }

    public async Task DisposeAsync()
    {
        if (_default is not null) await (await _default).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LibraryCollection : ICollectionFixture<LibraryDatabase>
{
    public const string Name = "library";
}

/// <summary>Counts the SQL statements a request sends and keeps their text.</summary>
public sealed class SqlLog : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands) return [.. _commands];
        }
    }

    public void Clear()
    {
        lock (_commands) _commands.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        lock (_commands) _commands.Add(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        lock (_commands) _commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        lock (_commands) _commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

/// <summary>EF Core's async operators for the pager.</summary>
public sealed class EfExecutor : IQueryExecutor
{
    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.ToListAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.CountAsync(cancellationToken);
}

/// <summary>PostgreSQL's ILIKE with a backslash escape, as a host would plug it in.</summary>
public sealed class ILikeMatcher : IStringMatcher
{
    private static readonly System.Reflection.MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public Expression Like(Expression value, Expression pattern) =>
        Expression.Call(ILike, Expression.Constant(EF.Functions), value, pattern, Expression.Constant("\\"));
}

/// <summary>A caller named by the <c>X-Test-User</c> header: <c>name</c> or <c>name;role,role</c>.</summary>
public sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Header";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["X-Test-User"].ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = header.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        if (parts.Length > 1) claims.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }
}

/// <summary>A running server: its HTTP client, its SQL log, and helpers to post GraphQL.</summary>
public sealed class LibraryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LibraryServer(WebApplication app, SqlLog sql)
    {
        _app = app;
        Sql = sql;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public SqlLog Sql { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration keys such as <c>GraphQL:MaxDepth</c>.</param>
    public static async Task<LibraryServer> StartAsync(LibraryDatabase database, IDictionary<string, string?>? settings = null,
        string environment = "Production", string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:EnableIntrospection"] = "true",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        var sql = new SqlLog();
        builder.Services.AddDbContext<LibraryDb>(o => o.UseNpgsql(database.ConnectionString).AddInterceptors(sql));
        builder.Services.AddSingleton<IQueryExecutor, EfExecutor>();
        builder.Services.AddSingleton<IStringMatcher, ILikeMatcher>();
        builder.Services.AddSingleton(LibrarySchema.Nodes());
        builder.Services.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("librarian", p => p.RequireRole("librarian")));
        builder.Services.AddGraphQLServer<LibrarySchema>(builder.Configuration, graphql => graphql.AddGraphTypes(typeof(LibrarySchema).Assembly));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGraphQLServer<LibrarySchema>();
        await app.StartAsync();
        return new LibraryServer(app, sql);
    }

    /// <summary>POSTs a GraphQL request as JSON; answers the status and the parsed body.</summary>
    public async Task<Answer> PostAsync(string query, object? variables = null, string? operationName = null, string? user = null,
        string accept = "application/graphql-response+json")
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        if (user is not null) request.Headers.Add("X-Test-User", user);
        return await SendAsync(request);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, response.Content.Headers.ContentType?.ToString(), response);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>An HTTP answer: status, body, content type, and the body as JSON when it is JSON.</summary>
public sealed record Answer(int Status, string Body, string? ContentType, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Json.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public IReadOnlyList<string> Codes =>
        Json.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString()! : "")]
            : [];

    public string FirstCode => Codes.FirstOrDefault() ?? "";

    /// <summary>The <c>nodes</c> of a connection at <paramref name="field"/>, by a string property.</summary>
    public IReadOnlyList<string> Titles(string field = "books", string property = "title") =>
        [.. Data.GetProperty(field).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(property).ToString())];
}
