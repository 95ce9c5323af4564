using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

/// <summary>The Connecting NER API schema.</summary>
public sealed class AppSchema : Schema
{
    public AppSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Description = "Connecting NER: a privacy-first shop for North-East India.";
        Query = query;
        Mutation = mutation;
        // The standard introspection query estimates at ~300k with list multipliers of 20: count it at 1%.
        this.WithIntrospectionComplexityImpact(0.01);
    }
}
