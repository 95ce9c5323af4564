namespace ConnectingNer.Domain.Ordering;

/// <summary>
/// India's states and union territories: their GST state codes, ISO 3166-2 codes, and the postal circles their PIN
/// codes fall in (the first three digits; neighbouring circles overlap at a few offices, so ranges may overlap).
/// </summary>
public static class IndianStates
{
    public sealed record State(string Name, string GstCode, string IsoCode, (int From, int To)[] PinPrefixes);

    public static readonly IReadOnlyList<State> All =
    [
        new("Jammu and Kashmir", "01", "JK", [(180, 194)]),
        new("Himachal Pradesh", "02", "HP", [(171, 177)]),
        new("Punjab", "03", "PB", [(140, 160)]),
        new("Chandigarh", "04", "CH", [(160, 160)]),
        new("Uttarakhand", "05", "UK", [(244, 263)]),
        new("Haryana", "06", "HR", [(121, 136)]),
        new("Delhi", "07", "DL", [(110, 110)]),
        new("Rajasthan", "08", "RJ", [(301, 345)]),
        new("Uttar Pradesh", "09", "UP", [(201, 285)]),
        new("Bihar", "10", "BR", [(800, 855)]),
        new("Sikkim", "11", "SK", [(737, 737)]),
        new("Arunachal Pradesh", "12", "AR", [(790, 792)]),
        new("Nagaland", "13", "NL", [(797, 798)]),
        new("Manipur", "14", "MN", [(795, 795)]),
        new("Mizoram", "15", "MZ", [(796, 796)]),
        new("Tripura", "16", "TR", [(799, 799)]),
        new("Meghalaya", "17", "ML", [(793, 794)]),
        new("Assam", "18", "AS", [(781, 788)]),
        new("West Bengal", "19", "WB", [(700, 736), (738, 743)]),
        new("Jharkhand", "20", "JH", [(813, 835)]),
        new("Odisha", "21", "OD", [(751, 770)]),
        new("Chhattisgarh", "22", "CG", [(490, 497)]),
        new("Madhya Pradesh", "23", "MP", [(450, 488)]),
        new("Gujarat", "24", "GJ", [(360, 396)]),
        new("Dadra and Nagar Haveli and Daman and Diu", "26", "DH", [(362, 362), (396, 396)]),
        new("Maharashtra", "27", "MH", [(400, 445)]),
        new("Karnataka", "29", "KA", [(560, 591)]),
        new("Goa", "30", "GA", [(403, 403)]),
        new("Lakshadweep", "31", "LD", [(682, 682)]),
        new("Kerala", "32", "KL", [(670, 695)]),
        new("Tamil Nadu", "33", "TN", [(600, 643)]),
        new("Puducherry", "34", "PY", [(533, 533), (605, 605), (607, 607), (609, 609), (673, 673)]),
        new("Andaman and Nicobar Islands", "35", "AN", [(744, 744)]),
        new("Telangana", "36", "TS", [(500, 509)]),
        new("Andhra Pradesh", "37", "AP", [(507, 535)]),
        new("Ladakh", "38", "LA", [(194, 194)]),
    ];

    private static readonly Dictionary<string, State> ByKey = All
        .SelectMany(s => new[] { (Key: Fold(s.Name), s), (Key: Fold(s.IsoCode), s), (Key: Fold("IN-" + s.IsoCode), s) })
        .ToDictionary(p => p.Key, p => p.s);

    /// <summary>The state named by its name (any case, "&amp;" for "and") or ISO code (<c>AS</c>, <c>IN-AS</c>).</summary>
    public static State? Find(string? name) => name is null ? null : ByKey.GetValueOrDefault(Fold(name));

    public static bool IsGstStateCode(string code) => All.Any(s => s.GstCode == code) || code is "97" or "99";

    /// <summary>True when the six-digit PIN code belongs to one of the state's postal circles.</summary>
    public static bool HasPin(State state, string pin)
    {
        if (pin.Length != 6 || !int.TryParse(pin.AsSpan(0, 3), out var prefix)) return false;
        return state.PinPrefixes.Any(r => prefix >= r.From && prefix <= r.To);
    }

    private static string Fold(string name) =>
        string.Join(' ', name.Trim().ToUpperInvariant().Replace("&", " AND ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
