using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Listens on PostgreSQL's <see cref="AccessTokenCache.Channel"/>, where triggers on the token and authorization tables
/// announce every revocation committed by any node, and applies each notice to this node's <see cref="AccessTokenCache"/>.
/// The cache is on only while this connection is known to be alive: the listener checks it every
/// <see cref="CheckInterval"/> when no notice came, and the cache stops answering when it has heard nothing for
/// <see cref="AccessTokenCache.SilenceLimit"/> (a connection lost without a reset, a partitioned database); after a
/// reconnection it starts empty.
/// </summary>
public sealed class TokenRevocationListener(string connectionString, AccessTokenCache cache, ILogger<TokenRevocationListener> logger)
    : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A connection of its own, for as long as the node runs: pooled connections are reset and shared.
            Pooling = false, Timeout = 5, CommandTimeout = 1, KeepAlive = 1,
            ApplicationName = "connectingner-token-revocations",
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(builder.ConnectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                cache.SetLive(false);
                logger.LogWarning(e, "Token revocation listener lost PostgreSQL; access tokens are validated in full until it reconnects");
                try
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        cache.SetLive(false);
    }

    private async Task ListenAsync(string connection, CancellationToken stoppingToken)
    {
        await using var listening = new NpgsqlConnection(connection);
        await listening.OpenAsync(stoppingToken);
        listening.Notification += (_, notice) => cache.Revoke(notice.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {AccessTokenCache.Channel}", listening))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        cache.Heard();
        cache.SetLive(true);
        await using var check = new NpgsqlCommand("SELECT 1", listening);
        while (true)
        {
            // Notices arrive during the wait; a quiet interval ends with a round trip that proves the connection alive.
            if (!await listening.WaitAsync(CheckInterval, stoppingToken)) await check.ExecuteScalarAsync(stoppingToken);
            cache.Heard();
        }
    }
}
