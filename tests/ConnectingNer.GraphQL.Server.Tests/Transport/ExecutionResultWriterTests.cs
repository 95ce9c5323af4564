using System.Text.Encodings.Web;
using ConnectingNer.GraphQL.Server.Transport;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>
/// The server's result writer against GraphQL.NET's own converter: the same bytes for every kind of value a field
/// can produce, errors and nulls included.
/// </summary>
public sealed class ExecutionResultWriterTests
{
    private static readonly GraphQLSerializer Theirs = new(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static readonly GraphQLSerializer Ours = new(json =>
    {
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.Converters.Add(new ExecutionResultWriter());
    });

    private sealed class Item
    {
        public required string Text { get; init; }
        public int Count { get; init; }
        public long Big { get; init; }
        public decimal Amount { get; init; }
        public bool Flag { get; init; }
        public double Ratio { get; init; }
        public DateTimeOffset At { get; init; }
        public string? Missing { get; init; }
        public List<string> Tags { get; init; } = [];
    }

    private static ISchema Schema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<ItemType>>("items").Resolve(_ => Items);
        query.Field<ItemType>("one").Resolve(_ => Items[0]);
        query.Field<StringGraphType>("nothing").Resolve(_ => null);
        return new Schema { Query = query };
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field(i => i.Text);
            Field(i => i.Count);
            Field(i => i.Big);
            Field(i => i.Amount);
            Field(i => i.Flag);
            Field(i => i.Ratio);
            Field(i => i.At);
            Field(i => i.Missing, nullable: true);
            Field(i => i.Tags);
            Field<NonNullGraphType<StringGraphType>>("broken").Resolve(_ => throw new ExecutionError("broken on purpose"));
            Field<ItemKind>("kind").Resolve(_ => "SECOND");
        }
    }

    private sealed class ItemKind : EnumerationGraphType
    {
        public ItemKind()
        {
            Name = "ItemKind";
            Add("FIRST", "FIRST");
            Add("SECOND", "SECOND");
        }
    }

    private static readonly Item[] Items =
    [
        new()
        {
            Text = "plain", Count = 1, Big = long.MaxValue, Amount = 658.50m, Flag = true, Ratio = 0.1,
            At = new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(5.5)), Tags = ["organic", "gift"],
        },
        new()
        {
            Text = "quotes \" back\\slash \u00e9 \u0985\u09b8\u09ae \n tab\t <html> & 'x' \ud83c\udf75", Count = -42, Big = -1,
            Amount = -0.000001m, Flag = false, Ratio = 1e300, At = DateTimeOffset.UnixEpoch, Missing = "present",
        },
    ];

    [Theory]
    [InlineData("{ items { text count big amount flag ratio at missing tags kind } nothing }")]
    [InlineData("{ one { a: text b: text renamed: count } }")]
    [InlineData("{ items { text broken } }")]
    [InlineData("{ one { __typename text } items { __typename } }")]
    [InlineData("{ unknownField }")]
    public async Task EveryValue_IsWrittenAsGraphQLNetWritesIt(string query)
    {
        var schema = Schema();
        schema.Initialize();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions { Schema = schema, Query = query });

        var expected = Theirs.Serialize(result);
        Assert.Equal(expected, Ours.Serialize(result));
        Assert.Contains("\"", expected); // not an empty document: there was something to compare
    }
}
