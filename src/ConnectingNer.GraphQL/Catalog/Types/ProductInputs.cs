using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed record CreateProductInput(
    string Sku, string Name, string? Description, long PricePaise, int Stock, string CategoryId, string? IdempotencyKey);

public sealed record UpdateProductInput(string Id, string? Name, string? Description, long? PricePaise, string? CategoryId, bool? IsActive);

public sealed record SetProductStockInput(string Id, int Stock);

public sealed class CreateProductInputType : InputObjectGraphType<CreateProductInput>
{
    public CreateProductInputType()
    {
        Name = "CreateProductInput";
        Description = "A new product.";
        Field(i => i.Sku).Description("Unique stock keeping unit: 3 to 32 letters, digits or dashes (stored upper case).");
        Field(i => i.Name).Description("Display name, at most 200 characters.");
        Field(i => i.Description, nullable: true).Description("Longer description, at most 4000 characters.");
        Field(i => i.PricePaise).Description("Unit price in paise (₹1 = 100 paise); greater than zero.");
        Field(i => i.Stock).Description("Units on hand; zero or more.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("Global id of the category.");
        Field(i => i.IdempotencyKey, nullable: true)
            .Description("Any unique string (a UUID, say), at most 100 characters: a retry with the same key and input answers as the first request and creates nothing.");
    }
}

public sealed class UpdateProductInputType : InputObjectGraphType<UpdateProductInput>
{
    public UpdateProductInputType()
    {
        Name = "UpdateProductInput";
        Description = "Changes to a product; omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the product.");
        Field(i => i.Name, nullable: true).Description("New display name.");
        Field(i => i.Description, nullable: true).Description("New description.");
        Field(i => i.PricePaise, nullable: true).Description("New unit price in paise; greater than zero.");
        Field<IdGraphType>("categoryId").Description("Global id of the new category.");
        Field(i => i.IsActive, nullable: true).Description("False withdraws the product from sale.");
    }
}

public sealed class SetProductStockInputType : InputObjectGraphType<SetProductStockInput>
{
    public SetProductStockInputType()
    {
        Name = "SetProductStockInput";
        Description = "The counted stock of a product.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the product.");
        Field(i => i.Stock).Description("Units on hand; zero or more.");
    }
}
