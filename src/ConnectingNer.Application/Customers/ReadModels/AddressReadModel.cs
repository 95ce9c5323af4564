using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Application.Customers.ReadModels;

/// <summary>
/// A customer's postal address as the API shows it. The postal fields are <c>address.postal</c>; the courier's phone
/// number is contact data (<c>contact.phone</c>), guarded, masked and recorded exactly like the customer's own phone.
/// </summary>
public sealed record AddressReadModel(
    Guid SubjectId,
    Guid Id,
    AddressKind Kind,
    [property: PersonalData(DataCategories.AddressPostal)] string RecipientName,
    [property: PersonalData(DataCategories.AddressPostal)] string Line1,
    [property: PersonalData(DataCategories.AddressPostal)] string? Line2,
    [property: PersonalData(DataCategories.AddressPostal)] string City,
    [property: PersonalData(DataCategories.AddressPostal)] string State,
    [property: PersonalData(DataCategories.AddressPostal)] string PostalCode,
    [property: PersonalData(DataCategories.AddressPostal)] string CountryCode,
    [property: PersonalData(DataCategories.ContactPhone)] string? Phone,
    bool IsDefault) : IPersonalDataSubject
{
    public static AddressReadModel From(Guid subjectId, Address a) =>
        new(subjectId, a.Id, a.Kind, a.RecipientName, a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.CountryCode, a.Phone, a.IsDefault);
}
