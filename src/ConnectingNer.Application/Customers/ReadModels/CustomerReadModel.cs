using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.Application.Privacy;

namespace ConnectingNer.Application.Customers.ReadModels;

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
