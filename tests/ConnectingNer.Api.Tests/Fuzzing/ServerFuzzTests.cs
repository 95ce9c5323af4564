using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.GraphQL;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConnectingNer.Api.Tests.Fuzzing;

/// <summary>
/// The real server, fuzzed: 10,000 requests generated from its own schema (and raw bodies), anonymous and signed in as
/// every kind of principal. None may get a 5xx, a stack trace, an exception's name or an error without a code, and the
/// server answers normally afterwards. Set FUZZ_SEED to replay a run; a failure prints CsCheck's shrunk case and seed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServerFuzzTests(ApiFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    public const int Requests = 10_000;

    private Guid _customer;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _customer = await fixture.CreateCustomerAsync("fuzz@example.in", "Fuzz Customer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] Principals = ["anonymous", "customer", "support", "privacy_officer", "admin", "catalog_manager", "partner"];

    private HttpRequestMessage Build(FuzzCase c)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }

        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        if (c.Principal == "anonymous") return request;
        request.Headers.Authorization = new AuthenticationHeaderValue("Test");
        switch (c.Principal)
        {
            case "customer":
                request.Headers.Add("X-Test-User", _customer.ToString());
                break;
            case "partner":
                request.Headers.Add("X-Test-User", "logistics-test");
                request.Headers.Add("X-Test-Scopes", "catalog:read orders:fulfil");
                break;
            default:
                request.Headers.Add("X-Test-User", "staff-" + c.Principal);
                request.Headers.Add("X-Test-Roles", c.Principal);
                break;
        }

        return request;
    }

    private int _executed;

    private void Check(FuzzCase c, int status, string text)
    {
        Assert.True(status < 500, $"{status} for {c}\n=> {text}");
        foreach (var leak in new[] { "   at ", "Exception", "Npgsql", "stackTrace", "StackTrace" })
            Assert.False(text.Contains(leak, StringComparison.Ordinal), $"'{leak}' in the answer to {c}\n=> {text}");
        if (!text.StartsWith('{')) return;
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new Xunit.Sdk.XunitException($"not JSON: {text} for {c}");
        }

        if (json?["data"] is JsonObject) Interlocked.Increment(ref _executed);
        foreach (var error in json?["errors"]?.AsArray() ?? [])
        {
            var code = error?["extensions"]?["code"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(code), $"an error without a code: {error} for {c}");
            Assert.False(code == "INTERNAL_SERVER_ERROR", $"an internal error: {error} for {c}");
        }
    }

    [Fact]
    public async Task TenThousandGeneratedRequests_GetNo5xx_NoStackTrace_AndTheServerAnswersNormallyAfterwards()
    {
        var schema = fixture.Factory.Services.GetRequiredService<AppSchema>();
        schema.Initialize();
        var http = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } given
            ? given
            : new PCG((uint)Random.Shared.Next(1, 1000), (ulong)Random.Shared.NextInt64()).ToString();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        try
        {
            await new SchemaFuzzGen(schema, Principals).SampleAsync(async c =>
            {
                Interlocked.Increment(ref sent);
                using var request = Build(c);
                using var response = await http.SendAsync(request);
                Check(c, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }, seed: seed, iter: Requests, threads: 4, print: c => c.ToString());
        }
        finally
        {
            var summary = $"fuzz: {sent} requests ({_executed} executed, the rest refused) in {clock.Elapsed.TotalSeconds:F1} s, seed {seed} (replay: FUZZ_SEED={seed})";
            output.WriteLine(summary);
            var artifacts = Environment.GetEnvironmentVariable("CONNECTINGNER_ARTIFACTS") ?? Path.Combine(RepositoryPaths.Root, "artifacts");
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "fuzz-summary.txt"), summary + Environment.NewLine);
        }

        var client = fixture.Client();
        (await client.PostAsync("{ __typename }")).EnsureNoErrors();
        var products = (await client.PostAsync("{ products(first: 3) { nodes { sku name } } }")).EnsureNoErrors();
        Assert.Equal(3, products.Data!["products"]!["nodes"]!.AsArray().Count);
        var me = (await fixture.Client().As(_customer.ToString()).PostAsync("{ me { email } }")).EnsureNoErrors();
        Assert.Equal("fuzz@example.in", me.Data!["me"]!["email"]!.GetValue<string>());
        Assert.True(sent >= Requests, $"only {sent} requests were sent");
    }
}
