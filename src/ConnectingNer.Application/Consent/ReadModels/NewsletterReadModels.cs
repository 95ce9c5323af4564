using ConnectingNer.Application.Privacy;

namespace ConnectingNer.Application.Consent.ReadModels;

/// <summary>Someone the newsletter may be sent to now, with the unsubscribe link their email must carry.</summary>
public sealed record NewsletterRecipientReadModel(
    Guid SubjectId, [property: PersonalData(DataCategories.ContactEmail)] string Email, string UnsubscribeUrl) : IPersonalDataSubject;

/// <summary>A page of the newsletter audience.</summary>
public sealed record NewsletterAudienceReadModel(IReadOnlyList<NewsletterRecipientReadModel> Recipients, string? EndCursor, bool HasNextPage);
