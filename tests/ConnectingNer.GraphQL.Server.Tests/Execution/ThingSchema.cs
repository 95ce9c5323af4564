using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Tests.Execution;

/// <summary>
/// The schema the execution tests compare strategies on: fields read from their source (values, nulls, objects, lists,
/// errors, refused values, a wrong type) and a few that are not.
/// </summary>
internal static class ThingSchema
{
    public static readonly Thing Ten = new(10, "ten", null, 1.5m, []);

    public static readonly Thing[] Things =
    [
        new(1, "one \"quoted\" ✓", Ten, 10.25m, [Ten, Ten]),
        new(2, null, null, 0m, [], Flag: false, Big: -1),
    ];

    public static ISchema Create()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<ThingType>>("things").Resolve(_ => Things);
        query.Field<ListGraphType<NonNullGraphType<ThingType>>>("once").Resolve(_ => new Once<Thing>(Things));
        query.Field<ListGraphType<NonNullGraphType<ThingType>>>("withNull").Resolve(_ => new[] { Things[0], null });
        query.Field<ListGraphType<ThingType>>("nullableWithNull").Resolve(_ => new[] { null, Things[1] });
        query.Field<ThingType>("first").Resolve(_ => Things[0]);
        var schema = new Schema { Query = query };
        schema.Initialize();
        return schema;
    }

    /// <summary>A sequence that can be read once, as a database reader would be.</summary>
    private sealed class Once<T>(IEnumerable<T> items) : IEnumerable<T>
    {
        private bool _read;

        public IEnumerator<T> GetEnumerator()
        {
            if (_read) throw new InvalidOperationException("read twice");
            _read = true;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

internal sealed record Thing(int Id, string? Label, Thing? Inner, decimal Price, Thing[] Children, bool Flag = true, long Big = long.MaxValue);

internal sealed class ThingType : ObjectGraphType<Thing>
{
    public ThingType()
    {
        Name = "Thing";
        Field<NonNullGraphType<IdGraphType>>("id").ResolveFromSource(t => "T" + t.Id);
        Field<NonNullGraphType<IdGraphType>>("globalId").ResolveGlobalId("Thing", t => t.Id);
        Field<IdGraphType>("oddId").ResolveGlobalId("Ťhïng+/?>~", t => -t.Id); // '+' and '/' in its base64
        Field<IdGraphType>("longId").ResolveGlobalId(new string('L', 250), t => t.Id); // too long to write on the stack
        Field<StringGraphType>("idAsText").ResolveGlobalId("Thing", t => t.Id); // not an ID: resolved and written as a string
        this.SourceField(t => t.Label, nullable: true);
        this.SourceField(t => t.Price);
        this.SourceField(t => t.Flag);
        this.SourceField(t => t.Big);
        Field<ThingType>("inner").ResolveFromSource(t => t.Inner);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThingType>>>>("children").ResolveFromSource(t => t.Children);
        Field<ListGraphType<ThingType>>("maybeChildren").ResolveFromSource(t => t.Children.Length == 0 ? null : new Thing?[] { t.Children[0], null });
        Field<NonNullGraphType<StringGraphType>>("requiredLabel").ResolveFromSource(t => t.Label);
        Field<NonNullGraphType<ThingType>>("requiredInner").ResolveFromSource(t => t.Inner);
        Field<IntGraphType>("broken").ResolveFromSource(t => t.Id > 1 ? throw new InvalidOperationException("boom") : (object)t.Id);
        Field<IntGraphType>("notAnInt").ResolveFromSource(_ => "twelve");
        Field<DateTimeGraphType>("at").ResolveFromSource(t => new DateTime(2026, 12, 4, 10, t.Id, 0, DateTimeKind.Utc));
        Field<StringGraphType>("viaContext").Resolve(ctx => ctx.Source.Label);
        Field<ListGraphType<StringGraphType>>("tags").ResolveFromSource(t => new[] { "a", t.Label });
        Field<StringGraphType>("counted").Resolve(_ => null); // a test puts a counting resolver here
        AddField(new FieldType
        {
            Name = "notAThing", Type = typeof(ThingType),
            Resolver = new SourceResolver<Thing, object>(t => t.Id > 1 ? "a string" : t),
        });
    }
}
