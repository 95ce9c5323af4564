using ConnectingNer.Domain.Catalog;

namespace ConnectingNer.Domain.Tests.Catalog;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Product NewProduct(int stock = 5) =>
        Product.Create("tea-0101", "  Assam Tea ", "Strong.", 45_000, stock, 1, Now).Value;

    [Fact]
    public void Create_WhenValid_NormalisesSkuAndName()
    {
        var product = NewProduct();

        Assert.Equal("TEA-0101", product.Sku);
        Assert.Equal("Assam Tea", product.Name);
        Assert.True(product.IsActive);
        Assert.Equal(Now, product.CreatedAt);
    }

    [Theory]
    [InlineData("", "Name", 100, 0, "product.sku_required")]
    [InlineData("a!", "Name", 100, 0, "product.sku_invalid")]
    [InlineData("ABC-1", " ", 100, 0, "product.name_required")]
    [InlineData("ABC-1", "Name", 0, 0, "product.price_not_positive")]
    [InlineData("ABC-1", "Name", -5, 0, "product.price_not_positive")]
    [InlineData("ABC-1", "Name", 100, -1, "product.stock_negative")]
    public void Create_WhenInvariantBroken_Fails(string sku, string name, long price, int stock, string code)
    {
        var result = Product.Create(sku, name, "", price, stock, 1, Now);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void Create_WhenSeveralInvariantsBroken_ReportsEach()
    {
        var result = Product.Create("", "", new string('x', Product.DescriptionMaxLength + 1), 0, -1, 1, Now);

        Assert.Equal(
            ["product.sku_required", "product.name_required", "product.description_too_long", "product.price_not_positive", "product.stock_negative"],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void SetStock_WhenNegative_FailsAndKeepsStock()
    {
        var product = NewProduct(stock: 5);

        var result = product.SetStock(-1, Now.AddDays(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(5, product.Stock);
        Assert.Equal(Now, product.UpdatedAt);
    }

    [Fact]
    public void Update_WhenPriceNotPositive_ChangesNothing()
    {
        var product = NewProduct();

        var result = product.Update("New name", null, 0, null, null, Now.AddDays(1));

        Assert.False(result.IsSuccess);
        Assert.Equal("Assam Tea", product.Name);
        Assert.Equal(45_000, product.PricePaise);
    }

    [Fact]
    public void Update_WhenValid_ChangesOnlyGivenDetails()
    {
        var product = NewProduct();

        var result = product.Update(null, "Malty.", 50_000, 2, false, Now.AddDays(1));

        Assert.True(result.IsSuccess);
        Assert.Equal("Assam Tea", product.Name);
        Assert.Equal("Malty.", product.Description);
        Assert.Equal(50_000, product.PricePaise);
        Assert.Equal(2, product.CategoryId);
        Assert.False(product.IsActive);
    }

    [Theory]
    [InlineData(5, 5, true, 0)]
    [InlineData(5, 6, false, 5)]
    [InlineData(5, 0, false, 5)]
    public void Reserve_NeverTakesStockBelowZero(int stock, int quantity, bool succeeds, int left)
    {
        var product = NewProduct(stock);

        var result = product.Reserve(quantity, Now);

        Assert.Equal(succeeds, result.IsSuccess);
        Assert.Equal(left, product.Stock);
    }
}
