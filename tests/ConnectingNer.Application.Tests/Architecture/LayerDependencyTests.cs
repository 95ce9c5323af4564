using System.Reflection;
using System.Xml.Linq;

namespace ConnectingNer.Application.Tests.Architecture;

/// <summary>The dependency rule of DESIGN.md §2, checked on project files and on compiled assembly references.</summary>
public sealed class LayerDependencyTests
{
    public static TheoryData<string, string[]> ForbiddenReferences => new()
    {
        { "ConnectingNer.Domain", ["ConnectingNer.Application", "ConnectingNer.Infrastructure", "ConnectingNer.GraphQL", "ConnectingNer.GraphQL.Server", "ConnectingNer.Api", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "GraphQL", "Mediator", "FluentValidation"] },
        { "ConnectingNer.Application", ["ConnectingNer.Infrastructure", "ConnectingNer.GraphQL", "ConnectingNer.GraphQL.Server", "ConnectingNer.Api", "Npgsql", "Microsoft.AspNetCore", "GraphQL"] },
        { "ConnectingNer.GraphQL", ["ConnectingNer.Infrastructure", "ConnectingNer.Api", "Microsoft.EntityFrameworkCore", "Npgsql"] },
        { "ConnectingNer.GraphQL.Server", ["ConnectingNer.Domain", "ConnectingNer.Application", "ConnectingNer.Infrastructure", "ConnectingNer.GraphQL", "ConnectingNer.Api", "Microsoft.EntityFrameworkCore", "Npgsql", "Mediator"] },
        { "ConnectingNer.Infrastructure", ["ConnectingNer.GraphQL", "ConnectingNer.GraphQL.Server", "ConnectingNer.Api", "GraphQL"] },
    };

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void Assembly_DoesNotReferenceForbiddenLayers(string assemblyName, string[] forbidden)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var violations = references.Where(r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)));

        Assert.Empty(violations);
    }

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void ProjectFile_DoesNotReferenceForbiddenLayers(string project, string[] forbidden)
    {
        var file = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));
        var references = file.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .Concat(file.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value));

        var violations = references.Where(r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)));

        Assert.Empty(violations);
    }

    [Fact]
    public void DomainAssembly_ReferencesOnlyTheRuntime()
    {
        var references = typeof(ConnectingNer.Domain.Catalog.Product).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", r));
    }
}
