using ConnectingNer.Application.Consent;
using ConnectingNer.Domain.Consent;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Consent.Types;

public sealed class ConsentDecisionInputType : InputObjectGraphType<ConsentChoice>
{
    public ConsentDecisionInputType()
    {
        Name = "ConsentDecisionInput";
        Description = "Grant or withdraw one purpose.";
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("A purpose's code (see `consentPurposes`).");
        Field<NonNullGraphType<BooleanGraphType>>("granted").Description("True to grant, false to withdraw.");
    }
}

public sealed record SetMyConsentsInput(IReadOnlyList<ConsentChoice> Decisions, ConsentSource? Source);

public sealed class SetMyConsentsInputType : InputObjectGraphType<SetMyConsentsInput>
{
    public SetMyConsentsInputType()
    {
        Name = "SetMyConsentsInput";
        Description = "Your decisions, recorded under the current privacy policy.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentDecisionInputType>>>>("decisions")
            .Description($"One decision per purpose, at most {ConsentWriter.MaxDecisions}.");
        Field<ConsentSourceType>("source").Description("Where you decided; `ACCOUNT_SETTINGS` when not given.");
    }
}

public sealed record RecordDeviceConsentInput(string DeviceId, IReadOnlyList<ConsentChoice> Decisions, string PolicyVersion);

public sealed class RecordDeviceConsentInputType : InputObjectGraphType<RecordDeviceConsentInput>
{
    public RecordDeviceConsentInputType()
    {
        Name = "RecordDeviceConsentInput";
        Description = "The cookie banner's decisions for this device.";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("A random (version 4) UUID the device generated and keeps.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentDecisionInputType>>>>("decisions").Description("One decision per purpose.");
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The privacy policy version the banner showed.");
    }
}

public sealed record MergeDeviceConsentInput(string DeviceId);

public sealed class MergeDeviceConsentInputType : InputObjectGraphType<MergeDeviceConsentInput>
{
    public MergeDeviceConsentInputType()
    {
        Name = "MergeDeviceConsentInput";
        Description = "The device whose decisions enter your history.";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("The id the device sent with `recordDeviceConsent`.");
    }
}

public sealed record PublishPrivacyPolicyInput(string Version, string Text, string? Summary, bool Material);

public sealed class PublishPrivacyPolicyInputType : InputObjectGraphType<PublishPrivacyPolicyInput>
{
    public PublishPrivacyPolicyInputType()
    {
        Name = "PublishPrivacyPolicyInput";
        Description = "A new version of the privacy policy, in force once published.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("A new label: 1–20 letters, digits, dots or hyphens.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The full text, at most {PrivacyPolicyVersion.TextMaxLength} characters.");
        Field<StringGraphType>("summary").Description($"What changed, at most {PrivacyPolicyVersion.SummaryMaxLength} characters.");
        Field<NonNullGraphType<BooleanGraphType>>("material")
            .Description("True when the change is material: consents given under older versions stop counting until each person confirms them.");
    }
}
