using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>An address as an order keeps it (a copy taken at checkout, or a courier's correction).</summary>
public sealed record PostalAddress(string RecipientName, string Line1, string? Line2, string City, string State, string PostalCode,
    string CountryCode, string? Phone)
{
    public static PostalAddress From(Address a) => new(a.RecipientName, a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.CountryCode, a.Phone);
}
