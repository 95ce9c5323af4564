using System.Security.Cryptography;
using System.Text;
using ConnectingNer.Application.Privacy;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Privacy;

/// <summary>
/// Writes the request's disclosures when execution ends, before the result is serialized: if the write fails the
/// execution fails, so no personal data leaves without its record.
/// </summary>
public sealed class DisclosureLedgerListener : DocumentExecutionListenerBase
{
    public override Task AfterExecutionAsync(IExecutionContext context)
    {
        var writer = context.RequestServices!.GetRequiredService<IDisclosureLedgerWriter>();
        // Most requests (the catalog's) disclose nothing: no event to write, so no document hash to make either.
        if (!writer.HasPending) return Task.CompletedTask;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Document.Source.ToString())));
        return writer.FlushAsync(context.Operation.Name?.StringValue, hash, context.CancellationToken);
    }
}
