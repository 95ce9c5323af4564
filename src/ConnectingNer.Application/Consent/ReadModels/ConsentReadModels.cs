using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Consent;

namespace ConnectingNer.Application.Consent.ReadModels;

/// <summary>A purpose of processing, as people are shown it.</summary>
public sealed record ConsentPurposeReadModel(
    string Code, string Name, string Description, string LegalBasis, int RetentionDays, IReadOnlyList<string> Partners, bool AlwaysOn)
{
    public static ConsentPurposeReadModel From(ConsentPurpose p) =>
        new(p.Code, p.Name, p.Description, p.LegalBasis, p.RetentionDays, p.Partners, p.IsEssential);
}

/// <summary>A subject's consent as it stands after a change, with the signed receipt of the change (none when nothing changed).</summary>
[PersonalData(DataCategories.Consent)]
public sealed record ConsentReceiptReadModel(IReadOnlyList<ConsentDecision> Consents, string PolicyVersion, string? Receipt);

/// <summary>One decision on record (the consent history).</summary>
[PersonalData(DataCategories.Consent)]
public sealed class ConsentRecordReadModel
{
    public int Id { get; init; }

    public string Purpose { get; init; } = "";

    public bool Granted { get; init; }

    public string PolicyVersion { get; init; } = "";

    public ConsentSource Source { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? ClientId { get; init; }

    /// <summary>Set when the decision was made on a device before signing in and merged into the customer's history.</summary>
    public Guid? DeviceId { get; init; }
}

/// <summary>A published privacy policy version.</summary>
public sealed record PrivacyPolicyReadModel(string Version, string Text, string? Summary, bool Material, DateTimeOffset PublishedAt)
{
    public static PrivacyPolicyReadModel From(PrivacyPolicyVersion v) => new(v.Version, v.Text, v.Summary, v.Material, v.PublishedAt);
}

/// <summary>
/// A device's consent as Google Consent Mode v2 states it: each key <c>granted</c> or <c>denied</c>, for the web client
/// to pass to <c>gtag('consent', 'update', …)</c>.
/// </summary>
public sealed record ConsentModeReadModel(
    string AdStorage, string AnalyticsStorage, string AdUserData, string AdPersonalization, string FunctionalityStorage,
    string PersonalizationStorage, string SecurityStorage)
{
    public static ConsentModeReadModel From(ConsentState state)
    {
        static string Of(bool on) => on ? "granted" : "denied";
        var sharing = state.Holds(ConsentPurpose.ThirdPartySharing);
        var personal = state.Holds(ConsentPurpose.Personalisation);
        // Advertising cookies and sending user data to ad platforms are third-party sharing; ad personalisation needs
        // both sharing and personalisation. Functionality and security storage are essential.
        return new ConsentModeReadModel(Of(sharing), Of(state.Holds(ConsentPurpose.Analytics)), Of(sharing), Of(sharing && personal),
            Of(true), Of(personal), Of(true));
    }
}

/// <summary>What checking a receipt found.</summary>
public sealed record ReceiptVerificationReadModel(bool Valid, string? Problem, ConsentReceiptContent? Content);
