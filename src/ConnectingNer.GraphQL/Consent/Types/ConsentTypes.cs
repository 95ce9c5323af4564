using ConnectingNer.Application.Consent;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Consent;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Consent.Types;

public sealed class ConsentSourceType : EnumerationGraphType<ConsentSource>
{
    public ConsentSourceType()
    {
        Name = "ConsentSource";
        Description = "Where a consent decision was made.";
    }
}

public sealed class ConsentSuspensionType : EnumerationGraphType<ConsentSuspension>
{
    public ConsentSuspensionType()
    {
        Name = "ConsentSuspension";
        Description = "Why a granted purpose does not hold now.";
    }
}

public sealed class ConsentPurposeType : ObjectGraphType<ConsentPurposeReadModel>
{
    public ConsentPurposeType()
    {
        Name = "ConsentPurpose";
        Description = "A purpose for which the shop processes personal data.";
        Field(p => p.Code).Description("The code to send in decisions (`analytics`, `marketing.email`, …).");
        Field(p => p.Name).Description("Its name, as shown to people.");
        Field(p => p.Description).Description("What it means, as shown to people.");
        Field(p => p.LegalBasis).Description("`consent`, or `contract` for essential processing.");
        Field(p => p.RetentionDays).Description("How long data kept for this purpose is kept, in days.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("partners").Description("The kinds of partner involved.")
            .ResolveFromSource(source => source.Partners);
        Field(p => p.AlwaysOn).Description("True for essential processing: always on, needs no consent, cannot be withdrawn.");
    }
}

/// <summary>A purpose as it stands for the person: the latest decision and whether processing may run on it now.</summary>
public sealed class ConsentType : ObjectGraphType<ConsentDecision>
{
    public ConsentType()
    {
        Name = "Consent";
        Description = "A purpose as it stands for you: your latest decision, and whether the shop may process for it now.";
        Field(d => d.Purpose).Description("The purpose's code.");
        Field(d => d.Granted).Description("Your latest decision (false when you never decided). Essential processing is always granted.");
        Field(d => d.Holds).Description("True when processing for this purpose may run now.");
        Field<ConsentSuspensionType>("suspendedBecause").Description("Why a granted purpose does not hold now; null when it holds or is not granted.")
            .ResolveFromSource(source => source.Suspension);
        Field(d => d.PolicyVersion, nullable: true).Description("The privacy policy version the decision was made under.");
        Field<ConsentSourceType>("source").Description("Where the decision was made.").ResolveFromSource(source => source.Source);
        Field(d => d.RecordedAt, nullable: true).Description("When the decision was made.");
    }
}

public sealed class ConsentRecordType : ObjectGraphType<ConsentRecordReadModel>
{
    public ConsentRecordType()
    {
        Name = "ConsentRecord";
        Description = "One consent decision on record; records are never changed or removed.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id.").ResolveGlobalId(Name, source => source.Id);
        Field(r => r.Purpose).Description("The purpose's code.");
        Field(r => r.Granted).Description("Granted, or withdrawn.");
        Field(r => r.PolicyVersion).Description("The privacy policy version in force.");
        Field<NonNullGraphType<ConsentSourceType>>("source").Description("Where it was made.").ResolveFromSource(source => source.Source);
        Field(r => r.RecordedAt).Description("When.");
        Field(r => r.ClientId, nullable: true).Description("The application used.");
        Field<NonNullGraphType<BooleanGraphType>>("fromDevice").Description("True when it was made on a device before signing in, and merged into your history.")
            .Projects(nameof(ConsentRecordReadModel.DeviceId)).ResolveFromSource(source => source.DeviceId is not null);
    }
}

public sealed class ConsentRecordsConnectionType() : ConnectionGraphType<ConsentRecordType, ConsentRecordReadModel>("ConsentRecordsConnection", "A consent record.");

public sealed class PrivacyPolicyType : ObjectGraphType<PrivacyPolicyReadModel>
{
    public PrivacyPolicyType()
    {
        Name = "PrivacyPolicy";
        Description = "A published version of the privacy policy.";
        Field(v => v.Version).Description("The version's label.");
        Field(v => v.Text).Description("The full text.");
        Field(v => v.Summary, nullable: true).Description("What changed.");
        Field(v => v.Material).Description("True when the change was material: consents given under older versions wait for confirmation.");
        Field(v => v.PublishedAt).Description("When it came into force.");
    }
}

public sealed class ConsentModeStateType : ObjectGraphType<ConsentModeReadModel>
{
    public ConsentModeStateType()
    {
        Name = "ConsentModeState";
        Description = "Consent as Google Consent Mode v2 keys, each `granted` or `denied`: pass them to `gtag('consent', 'update', …)`. "
            + "`ad_storage` and `ad_user_data` follow `third_party_sharing`; `ad_personalization` needs it and `personalisation`; "
            + "`analytics_storage` follows `analytics`, `personalization_storage` `personalisation`; functionality and security are essential.";
        Field<NonNullGraphType<StringGraphType>>("ad_storage").Description("Advertising cookies (follows `third_party_sharing`).").ResolveFromSource(source => source.AdStorage);
        Field<NonNullGraphType<StringGraphType>>("analytics_storage").Description("Analytics cookies (follows `analytics`).").ResolveFromSource(source => source.AnalyticsStorage);
        Field<NonNullGraphType<StringGraphType>>("ad_user_data").Description("Sending user data to advertising platforms (follows `third_party_sharing`).").ResolveFromSource(source => source.AdUserData);
        Field<NonNullGraphType<StringGraphType>>("ad_personalization").Description("Personalised advertising (needs `third_party_sharing` and `personalisation`).").ResolveFromSource(source => source.AdPersonalization);
        Field<NonNullGraphType<StringGraphType>>("functionality_storage").Description("Storage the site needs to work (essential: always granted).").ResolveFromSource(source => source.FunctionalityStorage);
        Field<NonNullGraphType<StringGraphType>>("personalization_storage").Description("Storage for personalisation, such as recommendations (follows `personalisation`).").ResolveFromSource(source => source.PersonalizationStorage);
        Field<NonNullGraphType<StringGraphType>>("security_storage").Description("Storage for security, such as fraud prevention (essential: always granted).").ResolveFromSource(source => source.SecurityStorage);
    }
}

public sealed class ReceiptDecisionType : ObjectGraphType<ReceiptDecision>
{
    public ReceiptDecisionType()
    {
        Name = "ConsentReceiptDecision";
        Description = "A decision a receipt states.";
        Field(d => d.Purpose).Description("The purpose's code.");
        Field(d => d.Granted).Description("Granted, or withdrawn.");
    }
}

public sealed class ConsentReceiptVerificationType : ObjectGraphType<ReceiptVerificationReadModel>
{
    public ConsentReceiptVerificationType()
    {
        Name = "ConsentReceiptVerification";
        Description = "What checking a consent receipt found. Anyone can check one offline too: it is a JWS signed with a key of `/.well-known/jwks`.";
        Field(v => v.Valid).Description("True when the shop signed this receipt.");
        Field(v => v.Problem, nullable: true).Description("Why it is not valid.");
        Field<StringGraphType>("subjectType").Description("`customer` or `device`.").ResolveFromSource(source => source.Content?.SubjectType);
        Field<StringGraphType>("subject").Description("The customer's or device's id.").ResolveFromSource(source => source.Content?.Subject);
        Field<ListGraphType<NonNullGraphType<ReceiptDecisionType>>>("decisions").Description("The decisions it states.")
            .ResolveFromSource(source => source.Content?.Decisions);
        Field<StringGraphType>("policyVersion").Description("The policy version they were made under.").ResolveFromSource(source => source.Content?.PolicyVersion);
        Field<ConsentSourceType>("source").Description("Where.").ResolveFromSource(source => source.Content?.Source);
        Field<DateTimeOffsetGraphType>("issuedAt").Description("When.").ResolveFromSource(source => source.Content?.IssuedAt);
    }
}

/// <summary>What a consent change answers: the consent as it now stands and the signed receipt of the change.</summary>
public sealed class ConsentPayloadType : ObjectGraphType<Payload<ConsentReceiptReadModel>>
{
    public ConsentPayloadType()
    {
        Name = "ConsentPayload";
        Description = "Your consent as it now stands, and the receipt of this change; null with errors when nothing was recorded.";
        Field<ListGraphType<NonNullGraphType<ConsentType>>>("consents").Description("Every purpose as it now stands.")
            .ResolveFromSource(source => source.Value?.Consents);
        Field<StringGraphType>("policyVersion").Description("The privacy policy version in force.").ResolveFromSource(source => source.Value?.PolicyVersion);
        Field<StringGraphType>("receipt")
            .Description("A compact JWS (type `consent-receipt+jwt`) stating who decided what, under which policy version, when: verify it with "
                + "the keys of `/.well-known/jwks` or `verifyConsentReceipt`. Null when nothing changed.")
            .ResolveFromSource(source => source.Value?.Receipt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Why nothing was recorded; empty on success.")
            .ResolveFromSource(source => source.Errors);
    }
}

public sealed class PrivacyPolicyPayloadType() : PayloadType<PrivacyPolicyType, PrivacyPolicyReadModel>(
    "PrivacyPolicyPayload", "privacyPolicy", "The published version, or why it was not published.");
