using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingNer.Api.Tests.Operations;

/// <summary>The server's pool is multiplexed unless its connection string says otherwise; LISTEN and the key ring get connections of their own.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConnectionPoolTests(ApiFixture fixture)
{
    [Fact]
    public void ThePool_IsMultiplexed_ByDefault()
    {
        var pool = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.True(new NpgsqlConnectionStringBuilder(pool.ConnectionString).Multiplexing, pool.ConnectionString);
    }

    [Fact]
    public async Task AConnectionStringThatSaysNo_IsObeyed_AndTheServerStillAnswers()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString + ";Multiplexing=false");
        var pool = factory.Services.GetRequiredService<NpgsqlDataSource>();

        var response = await new GraphQLClient(factory.CreateClient()).PostAsync("{ categories { name } }");

        Assert.False(new NpgsqlConnectionStringBuilder(pool.ConnectionString).Multiplexing, pool.ConnectionString);
        response.EnsureNoErrors();
    }

    [Theory]
    [InlineData("Host=db;Username=app")]
    [InlineData("Host=db;Username=app;Multiplexing=true")]
    public void UnsharedConnections_AreNeverMultiplexed(string connectionString) =>
        Assert.False(new NpgsqlConnectionStringBuilder(ConnectingNer.Infrastructure.DependencyInjection.Unshared(connectionString)).Multiplexing);
}
