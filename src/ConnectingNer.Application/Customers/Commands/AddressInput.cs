using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>Address fields as the customer sends them.</summary>
public sealed record AddressInput(
    AddressKind Kind, string RecipientName, string Line1, string? Line2, string City, string State, string PostalCode,
    string CountryCode, string? Phone, bool IsDefault)
{
    public Result<Address> ToAddress(Guid id) =>
        Address.Create(id, Kind, RecipientName, Line1, Line2, City, State, PostalCode, CountryCode, Phone, IsDefault);
}
