using System.Reflection;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Customers;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Schema;

/// <summary>
/// Adding a personal field without protection breaks this test: every GraphQL field mapped from a classified property
/// carries that category's policy, and every field leading to a wholly personal type (Address) carries one too.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PersonalDataClassificationTests(ApiFixture fixture)
{
    /// <summary>The violations in a schema: "Type.field: why".</summary>
    public static List<string> Unprotected(ISchema schema)
    {
        var problems = new List<string>();
        var types = schema.AllTypes.OfType<IComplexGraphType>().ToList();
        foreach (var type in types)
        {
            if (type.GetMetadata<Type>(CustomerType.SourceMetadata) is not { } source) continue;
            foreach (var property in source.GetProperties())
            {
                if (property.GetCustomAttribute<PersonalDataAttribute>() is not { } classified) continue;
                var field = type.GetField(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
                if (field is null) continue; // not exposed at all: nothing to protect
                if (field.GetPolicies()?.Contains(DataCategories.Policy(classified.Category)) != true)
                    problems.Add($"{type.Name}.{field.Name}: no '{DataCategories.Policy(classified.Category)}' policy");
            }
        }

        var personalTypes = types.Where(t => t.GetMetadata<string>(PersonalFields.CategoryMetadata) is not null).ToHashSet();
        foreach (var type in types)
        {
            foreach (var field in type.Fields.Where(f => f.ResolvedType?.GetNamedType() is IComplexGraphType named && personalTypes.Contains(named)))
            {
                if (field.GetPolicies()?.Any(p => p.StartsWith("pii:", StringComparison.Ordinal)) != true)
                    problems.Add($"{type.Name}.{field.Name}: leads to personal data without a pii policy");
            }
        }

        return problems;
    }

    [Fact]
    public void EveryClassifiedField_CarriesItsCategorysPolicy()
    {
        var schema = fixture.Factory.Services.GetRequiredService<AppSchema>();
        schema.Initialize();

        Assert.Empty(Unprotected(schema));
        Assert.Contains(schema.AllTypes, t => t.GetMetadata<Type>(CustomerType.SourceMetadata) == typeof(CustomerReadModel));
    }

    [Fact]
    public void ACustomerTypeWithAnUnprotectedEmail_IsCaught()
    {
        var leaky = new ObjectGraphType<CustomerIndexRow> { Name = "LeakyCustomer" };
        leaky.Metadata[CustomerType.SourceMetadata] = typeof(CustomerReadModel);
        leaky.Field<StringGraphType>("email").Resolve(_ => "leak@example.in");
        leaky.Field<StringGraphType>("name").AuthorizeWithPolicy(DataCategories.Policy(DataCategories.ContactEmail)).Resolve(_ => "wrong policy");
        leaky.Field<ListGraphType<AddressType>>("addresses").Resolve(_ => null);
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("leaky", leaky).Resolve(_ => null);
        var schema = new global::GraphQL.Types.Schema { Query = query };
        schema.Initialize();

        Assert.Equal(
            ["LeakyCustomer.addresses: leads to personal data without a pii policy", "LeakyCustomer.addresses: no 'pii:address.postal' policy",
             "LeakyCustomer.email: no 'pii:contact.email' policy",
             "LeakyCustomer.name: no 'pii:identity.name' policy"],
            Unprotected(schema).Order(StringComparer.Ordinal));
    }
}
