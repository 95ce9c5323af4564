// The floor of build/bench.sh: Kestrel and Npgsql, nothing else. POST /graphql answers the catalog page of shape a
// (20 products with their category) with the JSON our server writes, from one SQL statement, written with
// Utf8JsonWriter. It parses no GraphQL: whatever is posted gets the page. What our server spends above this is the
// price of GraphQL, validation, authorization, projection and EF Core.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
// The pool as our server configures it: multiplexed, statements prepared once per connection.
var pool = new NpgsqlDataSourceBuilder(app.Configuration["ConnectionString"] ?? throw new InvalidOperationException("ConnectionString"));
pool.ConnectionStringBuilder.Multiplexing = true;
pool.ConnectionStringBuilder.MaxAutoPrepare = 50;
await using var source = pool.Build();

const string Sql = """
    SELECT p.id, p.name, p.price_paise, c.id, c.name
    FROM products AS p JOIN categories AS c ON c.id = p.category_id
    ORDER BY p.id LIMIT 20
    """;

app.MapPost("/graphql", async (HttpContext context) =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    await using var command = source.CreateCommand(Sql);
    await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    json.WriteStartObject();
    json.WriteStartObject("data");
    json.WriteStartObject("products");
    json.WriteStartArray("nodes");
    while (await reader.ReadAsync(context.RequestAborted))
    {
        json.WriteStartObject();
        json.WriteString("id", GlobalId("Product", reader.GetInt32(0)));
        json.WriteString("name", reader.GetString(1));
        json.WriteStartObject("price");
        json.WriteNumber("amount", reader.GetInt64(2) / 100m);
        json.WriteEndObject();
        json.WriteStartObject("category");
        json.WriteString("id", GlobalId("Category", reader.GetInt32(3)));
        json.WriteString("name", reader.GetString(4));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    json.WriteEndArray();
    json.WriteEndObject();
    json.WriteEndObject();
    json.WriteEndObject();
    await json.FlushAsync(context.RequestAborted);
});
app.MapGet("/health", () => "ok");
await app.RunAsync();

static string GlobalId(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(type + ":" + id.ToString(CultureInfo.InvariantCulture)));
