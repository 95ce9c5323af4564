namespace ConnectingNer.Domain.Ordering;

/// <summary>The tax inside a GST-inclusive amount, split as the place of supply requires.</summary>
public readonly record struct TaxSplit(long TaxableValuePaise, long CgstPaise, long SgstPaise, long IgstPaise)
{
    public long TaxPaise => CgstPaise + SgstPaise + IgstPaise;
}

/// <summary>
/// Goods and Services Tax arithmetic. Prices are GST-inclusive, so the taxable value is the gross amount divided by
/// (1 + rate), rounded to the paisa, and the tax is the rest: taxable value + tax always equals the gross amount.
/// Within the shop's state the tax is half central (CGST) and half state (SGST; the odd paisa goes to SGST);
/// between states it is integrated (IGST).
/// </summary>
public static class Gst
{
    /// <summary>Rates are in basis points (5 % = 500) so that every amount stays in whole numbers.</summary>
    public static TaxSplit Split(long grossPaise, int rateBasisPoints, bool intraState)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grossPaise);
        ArgumentOutOfRangeException.ThrowIfNegative(rateBasisPoints);
        var taxable = (long)Math.Round(grossPaise * 10_000m / (10_000 + rateBasisPoints), MidpointRounding.AwayFromZero);
        var tax = grossPaise - taxable;
        if (!intraState) return new TaxSplit(taxable, 0, 0, tax);
        var cgst = tax / 2;
        return new TaxSplit(taxable, cgst, tax - cgst, 0);
    }
}

/// <summary>
/// A GST identification number: two digits of the state code, the holder's PAN (five letters, four digits, a
/// letter), an entity number (1–9 or A–Z), <c>Z</c>, and a check character computed over the first fourteen
/// (a Luhn mod 36 checksum).
/// </summary>
public static class Gstin
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The number in upper case without spaces, when it is valid; otherwise null.</summary>
    public static string? Normalize(string? value)
    {
        var gstin = value?.Trim().ToUpperInvariant() ?? "";
        if (gstin.Length != 15) return null;
        if (!IndianStates.IsGstStateCode(gstin[..2])) return null;
        for (var i = 2; i < 7; i++) if (!char.IsAsciiLetterUpper(gstin[i])) return null;
        for (var i = 7; i < 11; i++) if (!char.IsAsciiDigit(gstin[i])) return null;
        if (!char.IsAsciiLetterUpper(gstin[11])) return null;
        if (gstin[12] == '0' || Alphabet.IndexOf(gstin[12]) < 0) return null;
        if (gstin[13] != 'Z') return null;
        return CheckCharacter(gstin.AsSpan(0, 14)) == gstin[14] ? gstin : null;
    }

    /// <summary>The check character of the first fourteen characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first14)
    {
        var sum = 0;
        for (var i = 0; i < first14.Length; i++)
        {
            var product = Alphabet.IndexOf(first14[i]) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }

        return Alphabet[(36 - sum % 36) % 36];
    }
}
