namespace ConnectingNer.Domain.Customers;

/// <summary>Phone numbers in E.164 form: Indian mobiles checked closely, other countries by shape.</summary>
public static class PhoneNumber
{
    /// <summary>The number in E.164 (<c>+919876543210</c>), spaces and dashes removed; null when it is not a phone number.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null) return null;
        var compact = new string([.. value.Where(c => c is not (' ' or '-' or '(' or ')'))]);
        if (compact.Length is < 9 or > 16 || compact[0] != '+' || !compact[1..].All(char.IsAsciiDigit)) return null;
        if (compact.StartsWith("+91", StringComparison.Ordinal))
            return compact.Length == 13 && compact[3] is >= '6' and <= '9' ? compact : null;
        return compact[1] != '0' ? compact : null;
    }
}
