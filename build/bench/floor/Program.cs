// The floor of build/bench.sh: Kestrel and Npgsql, nothing else. POST /graphql answers the catalog page of shape a
// (20 products with their category) with the JSON our server writes, from one SQL statement, written with
// Utf8JsonWriter. The statement keeps the rule ours keeps for an anonymous caller: products withdrawn from sale are
// not shown. It parses no GraphQL: whatever is posted gets the page. What our server spends above this is the
// price of GraphQL, validation, authorization, projection and EF Core.
//
// Started with `--Data EfCore` it reads the same rows through EF Core instead: a pooled DbContext of two entities and
// a compiled query (EF.CompileAsyncQuery), the cheapest way EF Core reads. That floor is the most a server reading
// through EF Core could reach here; the benchmark prints it beside the other, so the two prices can be told apart.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
// The pool as our server configures it: multiplexed, statements prepared once per connection.
var pool = new NpgsqlDataSourceBuilder(builder.Configuration["ConnectionString"] ?? throw new InvalidOperationException("ConnectionString"));
pool.ConnectionStringBuilder.Multiplexing = true;
pool.ConnectionStringBuilder.MaxAutoPrepare = 50;
await using var source = pool.Build();
var throughEfCore = builder.Configuration["Data"] switch
{
    null or "Npgsql" => false,
    "EfCore" => true,
    var other => throw new InvalidOperationException($"Data: Npgsql or EfCore, not {other}"),
};
if (throughEfCore) builder.Services.AddDbContextPool<FloorDb>(options => options.UseNpgsql(source));
var app = builder.Build();

const string Sql = """
    SELECT p.id, p.name, p.price_paise, c.id, c.name
    FROM products AS p JOIN categories AS c ON c.id = p.category_id
    WHERE p.is_active
    ORDER BY p.id LIMIT 20
    """;

app.MapPost("/graphql", async (HttpContext context) =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    json.WriteStartObject();
    json.WriteStartObject("data");
    json.WriteStartObject("products");
    json.WriteStartArray("nodes");
    if (throughEfCore)
    {
        var db = context.RequestServices.GetRequiredService<FloorDb>();
        await foreach (var row in FloorDb.Page(db).WithCancellation(context.RequestAborted)) WriteProduct(json, row);
    }
    else
    {
        await using var command = source.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        while (await reader.ReadAsync(context.RequestAborted))
            WriteProduct(json, new Row(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4)));
    }

    json.WriteEndArray();
    json.WriteEndObject();
    json.WriteEndObject();
    json.WriteEndObject();
    await json.FlushAsync(context.RequestAborted);
});
app.MapGet("/health", () => "ok");
await app.RunAsync();

static void WriteProduct(Utf8JsonWriter json, Row row)
{
    json.WriteStartObject();
    json.WriteString("id", GlobalId("Product", row.Id));
    json.WriteString("name", row.Name);
    json.WriteStartObject("price");
    json.WriteNumber("amount", row.PricePaise / 100m);
    json.WriteEndObject();
    json.WriteStartObject("category");
    json.WriteString("id", GlobalId("Category", row.CategoryId));
    json.WriteString("name", row.CategoryName);
    json.WriteEndObject();
    json.WriteEndObject();
}

static string GlobalId(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(type + ":" + id.ToString(CultureInfo.InvariantCulture)));

internal sealed record Row(int Id, string Name, long PricePaise, int CategoryId, string CategoryName);

internal sealed class FloorProduct
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public long PricePaise { get; set; }
    public bool IsActive { get; set; }
    public int CategoryId { get; set; }
    public FloorCategory Category { get; set; } = null!;
}

internal sealed class FloorCategory
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>The two tables the page reads, mapped to the server's schema.</summary>
internal sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
{
    public static readonly Func<FloorDb, IAsyncEnumerable<Row>> Page = EF.CompileAsyncQuery((FloorDb db) =>
        db.Set<FloorProduct>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Name, p.PricePaise, p.Category.Id, p.Category.Name)).Take(20));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FloorCategory>(category =>
        {
            category.ToTable("categories");
            category.Property(c => c.Id).HasColumnName("id");
            category.Property(c => c.Name).HasColumnName("name");
        });
        modelBuilder.Entity<FloorProduct>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.Id).HasColumnName("id");
            product.Property(p => p.Name).HasColumnName("name");
            product.Property(p => p.PricePaise).HasColumnName("price_paise");
            product.Property(p => p.IsActive).HasColumnName("is_active");
            product.Property(p => p.CategoryId).HasColumnName("category_id");
            product.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId);
        });
    }
}
