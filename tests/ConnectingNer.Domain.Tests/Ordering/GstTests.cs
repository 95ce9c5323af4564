using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Domain.Tests.Ordering;

public sealed class GstTests
{
    [Theory]
    [InlineData(105_00, 500, 100_00, 5_00)]   // ₹105 at 5 %: ₹100 + ₹5
    [InlineData(118_00, 1800, 100_00, 18_00)]
    [InlineData(1, 500, 1, 0)]
    [InlineData(45_000, 500, 42_857, 2_143)]
    public void Split_TakesTheTaxOutOfAnInclusiveAmount_AndTheyAddUp(long gross, int rate, long taxable, long tax)
    {
        var inter = Gst.Split(gross, rate, intraState: false);
        var intra = Gst.Split(gross, rate, intraState: true);

        Assert.Equal((taxable, tax, 0L, 0L), (inter.TaxableValuePaise, inter.IgstPaise, inter.CgstPaise, inter.SgstPaise));
        Assert.Equal(taxable, intra.TaxableValuePaise);
        Assert.Equal(tax, intra.CgstPaise + intra.SgstPaise);
        Assert.InRange(intra.SgstPaise - intra.CgstPaise, 0, 1);
        Assert.Equal(gross, intra.TaxableValuePaise + intra.TaxPaise);
    }

    [Theory]
    [InlineData("27AAPFU0939F1ZV")]
    [InlineData(" 27aapfu0939f1zv ")]
    public void AValidGstin_IsAccepted_InUpperCase(string value) => Assert.Equal("27AAPFU0939F1ZV", Gstin.Normalize(value));

    [Theory]
    [InlineData("27AAPFU0939F1ZW")] // wrong check character
    [InlineData("00AAPFU0939F1ZV")] // no such state
    [InlineData("27AAPFU0939F1XV")] // no Z
    [InlineData("27AAPF10939F1ZV")] // PAN shape
    [InlineData("27AAPFU0939F1Z")]
    [InlineData("")]
    [InlineData(null)]
    public void AnInvalidGstin_IsRefused(string? value) => Assert.Null(Gstin.Normalize(value));

    [Fact]
    public void TheCheckCharacter_CatchesEverySingleCharacterChange()
    {
        const string valid = "18AABCU9603R1ZM";
        var body = valid[..14];
        var check = Gstin.CheckCharacter(body);
        foreach (var i in Enumerable.Range(2, 12))
        foreach (var c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        {
            if (c == body[i]) continue;
            var changed = body[..i] + c + body[(i + 1)..];
            Assert.NotEqual(check, Gstin.CheckCharacter(changed));
        }
    }

    [Theory]
    [InlineData("Assam", "781001", true)]
    [InlineData("assam", "786125", true)]
    [InlineData("IN-AS", "781001", true)]
    [InlineData("Assam", "110001", false)]
    [InlineData("Meghalaya", "793001", true)]
    [InlineData("Jammu & Kashmir", "190001", true)]
    public void APinCode_BelongsToItsState(string state, string pin, bool belongs) =>
        Assert.Equal(belongs, IndianStates.HasPin(IndianStates.Find(state)!, pin));

    [Theory]
    [InlineData("2026-03-31T18:29:59Z", "2025-26")]
    [InlineData("2026-03-31T18:30:00Z", "2026-27")] // midnight in India
    [InlineData("2027-01-15T00:00:00Z", "2026-27")]
    [InlineData("2099-12-31T00:00:00Z", "2099-00")]
    public void FinancialYears_RunFromAprilInIndianTime(string at, string year) =>
        Assert.Equal(year, OrderNumbers.FinancialYear(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Numbers_AreReadable_AndInvoiceNumbersFitSixteenCharacters()
    {
        Assert.Equal("CN/2026-27/000123", OrderNumbers.Order("2026-27", 123));
        Assert.Equal("CNI/2627/000123", OrderNumbers.Invoice("2026-27", 123));
        Assert.True(OrderNumbers.Invoice("2026-27", 999_999).Length <= 16);
    }
}
