using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.PrivacyRequests;

/// <summary>Stable error codes of privacy requests.</summary>
public static class PrivacyRequestErrors
{
    public static Error NotFound(string field = "requestId") => new("privacy_request.not_found", "No privacy request has this id.", field);

    public static Error Closed() => new("privacy_request.closed", "The request is closed: completed or rejected.");

    public static Error NotVerified() =>
        new("privacy_request.not_verified", "The requester's identity is not verified yet: the request cannot be worked on.");

    public static Error ExtensionNotAllowed(string why) => new("privacy_request.extension_not_allowed", why, "months");

    public static Error ReasonRequired(string field = "reason") =>
        new("privacy_request.reason_required", $"Give the {field}, 1 to {PrivacyRequest.NoteMaxLength} characters.", field);

    public static Error TextTooLong(string field, int max) => new("privacy_request.text_too_long", $"At most {max} characters.", field);

    public static Error DetailsRequired() => new("privacy_request.details_required", "Say what the request is about.", "details");

    public static Error SubjectRequired() => new("privacy_request.subject_required", "Say which data is wrong.", "subject");

    public static Error NotInForce() => new("privacy_request.not_in_force", "This request is not a restriction in force.", "requestId");

    public static Error ProofRequired() =>
        new("privacy_request.proof_required", "Describe the proof (of death or incapacity) you are sending the privacy officer.", "proof");

    public static Error AlreadyVerified() => new("privacy_request.already_verified", "The request is verified already.");

    public static Error NotNominee() =>
        new("nomination.not_nominee", "You are not the nominee of a customer with this address, or the nomination was withdrawn.", "customerEmail");

    public static Error NomineeInvalid(string field, string message) => new("nomination.invalid", message, field);

    public static Error RecentSignInRequired() =>
        new("auth.recent_sign_in_required", "Sign in again first: this request needs a sign-in no older than 10 minutes "
            + "(authorize again with prompt=login, or max_age=600).");

    public static Error LegalHold() =>
        new("erasure.legal_hold", "A legal hold stands on your data: nothing can be erased until the privacy officer releases it.");

    public static Error OpenOrders(int count) =>
        new("erasure.open_orders", $"{count} of your orders are still open: they can be erased once delivered or cancelled.");

    public static Error NoticeNotFound() => new("erasure_notice.not_found", "No erasure notice of yours has this id.", "noticeId");
}
