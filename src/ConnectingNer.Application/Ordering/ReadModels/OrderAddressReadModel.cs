using ConnectingNer.Application.Privacy;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>An address kept by an order or a shipment: the recipient's personal data, each field classified.</summary>
public sealed record OrderAddressReadModel(
    Guid SubjectId,
    [property: PersonalData(DataCategories.AddressPostal)] string RecipientName,
    [property: PersonalData(DataCategories.AddressPostal)] string Line1,
    [property: PersonalData(DataCategories.AddressPostal)] string? Line2,
    [property: PersonalData(DataCategories.AddressPostal)] string City,
    [property: PersonalData(DataCategories.AddressPostal)] string State,
    [property: PersonalData(DataCategories.AddressPostal)] string PostalCode,
    [property: PersonalData(DataCategories.AddressPostal)] string CountryCode,
    [property: PersonalData(DataCategories.ContactPhone)] string? Phone) : IPersonalDataSubject
{
    public static OrderAddressReadModel From(Guid subjectId, PostalAddress a) =>
        new(subjectId, a.RecipientName, a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.CountryCode, a.Phone);
}
