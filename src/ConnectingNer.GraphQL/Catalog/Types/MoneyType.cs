using System.Globalization;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

/// <summary>An amount in Indian rupees, from whole paise.</summary>
public sealed class MoneyType : ObjectGraphType<long>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An amount of money in Indian rupees (INR).";
        Field<NonNullGraphType<DecimalGraphType>>("amount").Description("The amount in rupees, with two decimals.")
            .ResolveFromSource(paise => paise * 0.01m);
        Field<NonNullGraphType<LongGraphType>>("amountInPaise").Description("The amount in paise (1 rupee = 100 paise): exact, for arithmetic.")
            .ResolveFromSource(paise => paise);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 currency code; always `INR`.")
            .ResolveFromSource(_ => "INR");
        Field<NonNullGraphType<StringGraphType>>("formatted").Description("The amount as shown in India, e.g. `₹1,23,456.50`.")
            .ResolveFromSource(paise => Format(paise));
    }

    /// <summary>Indian digit grouping (lakh, crore): the last three digits, then pairs.</summary>
    public static string Format(long paise)
    {
        var sign = paise < 0 ? "-" : "";
        var absolute = Math.Abs(paise);
        var rupees = (absolute / 100).ToString(CultureInfo.InvariantCulture);
        var grouped = rupees.Length <= 3 ? rupees : GroupPairs(rupees[..^3]) + "," + rupees[^3..];
        return $"{sign}₹{grouped}.{absolute % 100:D2}";
    }

    private static string GroupPairs(string digits)
    {
        var parts = new List<string>();
        for (var end = digits.Length; end > 0; end -= 2) parts.Insert(0, digits[Math.Max(0, end - 2)..end]);
        return string.Join(",", parts);
    }
}
