using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Security;

namespace ConnectingNer.Application.Customers;

/// <summary>A customer as the API shows them: every personal property says its data category.</summary>
public sealed record CustomerReadModel(
    Guid SubjectId,
    [property: PersonalData(DataCategories.ContactEmail)] string Email,
    [property: PersonalData(DataCategories.ContactEmail)] bool EmailConfirmed,
    [property: PersonalData(DataCategories.IdentityName)] string? Name,
    [property: PersonalData(DataCategories.ContactPhone)] string? Phone,
    [property: PersonalData(DataCategories.IdentityBirthDate)] DateOnly? BirthDate,
    [property: PersonalData(DataCategories.IdentityBirthDate)] bool LegalAgeAffirmed,
    [property: PersonalData(DataCategories.IdentityBirthDate)] string? GuardianName,
    [property: PersonalData(DataCategories.AddressPostal)] IReadOnlyList<AddressReadModel> Addresses,
    DateTimeOffset CreatedAt,
    [property: PersonalData(DataCategories.AccountLogins)] bool HasPassword,
    [property: PersonalData(DataCategories.AccountLogins)] IReadOnlyList<ExternalLoginReadModel> ExternalLogins) : IPersonalDataSubject;

/// <summary>Loads customers for the API: account facts and the decrypted profile, for many at once.</summary>
public interface ICustomerReader
{
    Task<IReadOnlyDictionary<Guid, CustomerReadModel>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
