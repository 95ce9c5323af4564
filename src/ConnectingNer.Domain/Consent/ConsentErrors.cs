using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Consent;

/// <summary>Stable error codes of consent, policy versions and receipts.</summary>
public static class ConsentErrors
{
    public static Error UnknownPurpose(string field) =>
        new("consent.unknown_purpose", "There is no consent purpose with this code; see `consentPurposes`.", field);

    public static Error EssentialNotWithdrawable(string field) =>
        new("consent.essential_not_withdrawable", "Essential processing (cart, sign-in, security) needs no consent and cannot be withdrawn.", field);

    public static Error DuplicatePurpose(string field) =>
        new("consent.duplicate_purpose", "Each purpose may appear once in a request.", field);

    public static Error NoDecisions(string field = "decisions") =>
        new("consent.no_decisions", "Send at least one decision.", field);

    public static Error TooManyDecisions(int max, string field = "decisions") =>
        new("consent.too_many_decisions", $"Send at most {max} decisions.", field);

    public static Error DeviceIdInvalid(string field = "deviceId") =>
        new("consent.device_id_invalid", "A device id is a random (version 4) UUID generated on the device.", field);

    public static Error PolicyVersionUnknown(string field = "policyVersion") =>
        new("consent.policy_version_unknown", "No privacy policy was published with this version.", field);

    public static Error PolicyVersionNotCurrent(string field = "version") =>
        new("consent.policy_version_not_current", "Only the current privacy policy can be accepted; see `privacyPolicy`.", field);

    public static Error PolicyVersionInvalid(string field = "version") =>
        new("policy.version_invalid", "A version label is 1–20 letters, digits, dots or hyphens, starting with a letter or digit.", field);

    public static Error PolicyVersionTaken(string field = "version") =>
        new("policy.version_taken", "A privacy policy with this version was already published.", field);

    public static Error PolicyTextInvalid(int max, string field = "text") =>
        new("policy.text_invalid", $"The policy text is required and at most {max} characters.", field);

    public static Error PolicySummaryTooLong(int max, string field = "summary") =>
        new("policy.summary_too_long", $"The summary is at most {max} characters.", field);

    public static Error NotSignedInCustomer() =>
        new("consent.customer_required", "Sign in as a customer to manage your consent.");

    public static Error DeviceUnknown(string field = "deviceId") =>
        new("consent.device_unknown", "This device has no consent on record.", field);

    public static Error EmailInvalid(string field = "email") =>
        new("newsletter.email_invalid", "Enter an email address such as name@example.in.", field);

    public static Error LinkInvalid(string field) =>
        new("consent.link_invalid", "This link is not valid or has expired.", field);

    public static Error NotAMinor() =>
        new("guardian.not_a_minor", "Only an account whose birth date makes it under 18 asks a guardian to consent.");

    public static Error GuardianNotEligible() =>
        new("guardian.not_eligible", "The guardian confirms signed in to their own adult account (18 or older), with the address the link was sent to.");
}
