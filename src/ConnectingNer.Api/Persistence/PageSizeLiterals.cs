using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingNer.Api.Persistence;

/// <summary>
/// Writes a page's size into the SQL text (<c>LIMIT 11</c>) where EF Core sends it as a parameter (<c>LIMIT $2</c>).
/// PostgreSQL cannot know a parameter's LIMIT when it makes a generic plan, so it planned page queries afresh on every
/// execution (~0.3 ms of its CPU for my orders with their lines); with the size in the text it reuses one plan per size
/// (a few: clients page with a fixed size, and sizes are capped). The size stays a parameter for EF Core, so EF Core
/// generates a statement's SQL once and caches it (<c>EF.Constant</c>, used before, made it generate the SQL on every
/// execution); only the parameters <see cref="EfCoreQueryExecutor"/> names are written in, and only integers.
/// </summary>
public sealed partial class PageSizeLiterals : DbCommandInterceptor
{
    private const string Name = nameof(EfCoreQueryExecutor.PageSize.PageSizeInSql);
    private const string Marker = "@" + Name;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Rewritten texts of statements with one page size, by EF Core's text (the same string on every execution of a
    /// statement) and the size: the rewrite runs once, not on every page read. Bounded; past the bound, rewritten afresh.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Text, int Size), string> Rewritten = new();

    private const int MaxRewritten = 1024;

    private static void Inline(DbCommand command)
    {
        var text = command.CommandText;
        if (!text.Contains(Marker, StringComparison.Ordinal)) return;
        var parameters = command.Parameters;
        var single = SingleSize(parameters);
        if (single is { } one && Rewritten.TryGetValue((text, one.Size), out var known))
        {
            command.CommandText = known;
            parameters.RemoveAt(one.Index);
            return;
        }

        command.CommandText = SizeParameter().Replace(text, match =>
        {
            var index = parameters.IndexOf(match.Value);
            if (index < 0) index = parameters.IndexOf(match.Value[1..]);
            return index >= 0 && parameters[index].Value is int size ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) : match.Value;
        });
        var removed = 0;
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            if (IsSizeNamed(parameters[i]) && parameters[i].Value is int
                && !command.CommandText.Contains("@" + parameters[i].ParameterName.TrimStart('@'), StringComparison.Ordinal))
            {
                parameters.RemoveAt(i);
                removed++;
            }
        }

        // Kept only when the one size parameter was written in everywhere, so a cached text always drops it.
        if (single is { } only && removed == 1 && Rewritten.Count < MaxRewritten)
            Rewritten.TryAdd((text, only.Size), command.CommandText);
    }

    /// <summary>The index and value of the command's page size parameter when it has exactly one.</summary>
    private static (int Index, int Size)? SingleSize(DbParameterCollection parameters)
    {
        (int, int)? found = null;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!IsSizeNamed(parameters[i])) continue;
            if (found is not null || parameters[i].Value is not int size) return null;
            found = (i, size);
        }

        return found;
    }

    /// <summary>A parameter <see cref="EfCoreQueryExecutor"/> named for a page's size.</summary>
    private static bool IsSizeNamed(DbParameter parameter) =>
        parameter.ParameterName.AsSpan().TrimStart('@').StartsWith(Name, StringComparison.Ordinal);

    [GeneratedRegex(Marker + @"\d*(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex SizeParameter();
}
