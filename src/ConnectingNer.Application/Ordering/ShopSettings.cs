using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering;

/// <summary>
/// The seller as invoices show it, its state (which decides CGST + SGST or IGST), the return window, and the GST
/// rate and HSN code of each category (configuration section <c>Shop</c>; a category missing there pays
/// <see cref="DefaultGstRatePercent"/>).
/// </summary>
public sealed class ShopSettings
{
    public const string SectionName = "Shop";

    public string LegalName { get; set; } = "Connecting NER Private Limited";

    public string Gstin { get; set; } = "18AAHCC4321K1ZN";

    public string Address { get; set; } = "GS Road, Guwahati, Assam 781005";

    public string State { get; set; } = "Assam";

    public int ReturnWindowDays { get; set; } = 7;

    public decimal DefaultGstRatePercent { get; set; } = 18;

    public string DefaultHsnCode { get; set; } = "9999";

    /// <summary>By category slug.</summary>
    public Dictionary<string, CategoryTax> Categories { get; set; } = [];

    /// <summary>The rate in basis points and the HSN code of a category.</summary>
    public (int RateBasisPoints, string HsnCode) TaxOf(string? categorySlug) =>
        categorySlug is not null && Categories.TryGetValue(categorySlug, out var tax)
            ? ((int)(tax.GstRatePercent * 100), tax.HsnCode)
            : ((int)(DefaultGstRatePercent * 100), DefaultHsnCode);

    public IndianStates.State HomeState => IndianStates.Find(State) ?? throw new InvalidOperationException("Shop:State must name a state of India.");
}

public sealed class CategoryTax
{
    public decimal GstRatePercent { get; set; }

    public string HsnCode { get; set; } = "";
}
