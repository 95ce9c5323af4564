using ConnectingNer.Application.Privacy;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>Who the nominee is, as the customer gave it.</summary>
public sealed record NomineeDetails(string Name, string Email, string Relation);

/// <summary>Seals a nominee's details with the customer's data key (erasing the customer erases them too).</summary>
public interface INomineeVault
{
    Task<byte[]> SealAsync(Guid customerId, NomineeDetails nominee, CancellationToken cancellationToken);

    Task<NomineeDetails?> OpenAsync(Guid customerId, byte[] sealedNominee, CancellationToken cancellationToken);

    /// <summary>The keyed hash an address is found under (the same as an account's).</summary>
    string EmailIndex(string email);
}

/// <summary>The customer's nominee, as they see it: the nominee's personal data, shown to the customer who gave it.</summary>
public sealed record NominationReadModel(
    int Id, Guid SubjectId, [property: PersonalData(DataCategories.IdentityName)] string Name,
    [property: PersonalData(DataCategories.ContactEmail)] string Email, string Relation, DateTimeOffset NominatedAt) : IPersonalDataSubject;
