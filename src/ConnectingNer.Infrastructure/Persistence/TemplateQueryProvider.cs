using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// EF Core's query provider for the server's contexts, which also lets <see cref="QueryTemplates"/> run a query compiled
/// once for a template on the context a query came from (its query context, with the template's parameters).
/// </summary>
#pragma warning disable EF1001 // EntityQueryProvider, IQueryCompiler and IQueryContextFactory are EF Core's internal services; this is how EF.CompileAsyncQuery uses them.
public sealed class TemplateQueryProvider(IQueryCompiler queryCompiler, IQueryContextFactory contexts, ICurrentDbContext current)
    : EntityQueryProvider(queryCompiler)
{
    internal IQueryCompiler Compiler { get; } = queryCompiler;

    internal IModel Model => current.Context.Model;

    internal QueryContext CreateQueryContext() => contexts.Create();
}
#pragma warning restore EF1001
