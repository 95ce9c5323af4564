using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Persistence.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConnectingNer.Api.Tests.Persistence;

/// <summary>
/// The server runs on the compiled model (Persistence/CompiledModel); migrations and this test build the model from the
/// entity configurations. A configuration changed without `dotnet ef dbcontext optimize` (README, "Everyday commands")
/// fails here, naming what differs.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void CompiledModel_WhenCompared_MatchesTheConfigurations()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=compiled_model_check").UseSnakeCaseNamingConvention().UseOpenIddict().Options);

        // The design-time model is built from the configurations even where the compiled one is found (as migrations do).
        var configured = db.GetService<IDesignTimeModel>().Model;

        Assert.Same(AppDbContextModel.Instance, db.Model);
        var fromConfigurations = Describe(configured);
        var compiled = Describe(AppDbContextModel.Instance);
        var differences = fromConfigurations.Except(compiled).Select(line => "configured: " + line)
            .Concat(compiled.Except(fromConfigurations).Select(line => "compiled:   " + line)).ToList();

        Assert.True(differences.Count == 0, "Regenerate the compiled model (`dotnet ef dbcontext optimize`, README):\n"
            + string.Join("\n", differences));
    }

    /// <summary>Every table, column, key, relationship and index as lines of text, so a difference shows as a line.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
            var owner = $"{entity.Name} -> {entity.GetSchemaQualifiedTableName() ?? entity.GetViewName() ?? "(none)"}";
            lines.Add(owner);
            foreach (var property in entity.GetProperties())
            {
                var mapping = property.GetRelationalTypeMapping();
                lines.Add($"{owner} . {property.Name}: {property.ClrType} as {(table is { } t ? property.GetColumnName(t) : "-")}"
                    + $" {mapping.StoreType} via {mapping.Converter?.ProviderClrType.Name ?? "-"}"
                    + $" null={property.IsNullable} max={property.GetMaxLength()} gen={property.ValueGenerated}"
                    + $" concurrency={property.IsConcurrencyToken} default={property.GetDefaultValueSql()}/{property.GetDefaultValue()}");
            }
            foreach (var key in entity.GetKeys())
                lines.Add($"{owner} key {key.GetName()} ({string.Join(", ", key.Properties.Select(p => p.Name))}) primary={key.IsPrimaryKey()}");
            foreach (var fk in entity.GetForeignKeys())
                lines.Add($"{owner} fk {fk.GetConstraintName()} ({string.Join(", ", fk.Properties.Select(p => p.Name))}) -> "
                    + $"{fk.PrincipalEntityType.Name} delete={fk.DeleteBehavior} required={fk.IsRequired} unique={fk.IsUnique}");
            foreach (var index in entity.GetIndexes())
                lines.Add($"{owner} index {index.GetDatabaseName()} ({string.Join(", ", index.Properties.Select(p => p.Name))})"
                    + $" unique={index.IsUnique} filter={index.GetFilter()}");
            foreach (var navigation in entity.GetNavigations())
                lines.Add($"{owner} navigation {navigation.Name} -> {navigation.TargetEntityType.Name} collection={navigation.IsCollection}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
