using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Clears this node's <see cref="AccessTokenCache"/> when one of its own statements changes a token's or an
/// authorization's status or deletes either (OpenIddict's revocations, sign-out, a password reset, pruning), so the
/// node's next request is validated against the database without waiting for the notice the triggers send at commit.
/// The notice then removes anything a request cached between the statement and its commit.
/// </summary>
public sealed class TokenRevocationInterceptor(AccessTokenCache cache) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (Revokes(command.CommandText)) cache.Clear();
    }

    /// <summary>An UPDATE that sets <c>status</c>, or a DELETE, on <c>openiddict_tokens</c> or <c>openiddict_authorizations</c>.</summary>
    public static bool Revokes(string sql)
    {
        var table = sql.IndexOf("openiddict_", StringComparison.Ordinal);
        if (table < 0) return false;
        foreach (var name in (ReadOnlySpan<string>)["openiddict_tokens", "openiddict_authorizations"])
        {
            for (var at = sql.IndexOf(name, table, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var before = sql.AsSpan(0, at).TrimEnd();
                if (before.EndsWith("DELETE FROM", StringComparison.OrdinalIgnoreCase)) return true;
                if (before.EndsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                    && sql.IndexOf("status", at + name.Length, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
        }

        return false;
    }
}
