using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.PrivacyRequests;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>Delivers a notice by email (Infrastructure: the shop's mail sender; Development writes it to the log).</summary>
public interface INoticeMail
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Tells the customer where their request is: received (with its reference and due date), verified by the officer,
/// completed or rejected (with the answer). The privacy officer hears of requests about to fall due from <c>PrivacyRequestDueSoonJob</c>.
/// </summary>
public sealed class PrivacyRequestNotices(INoticeMail mail, ICustomerReader customers)
{
    public async Task ReceivedAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        await SendAsync(request.CustomerId, $"We received your request {reference}",
            $"Your {Name(request.Type)} ({reference}) was received on {request.ReceivedAt:d MMMM yyyy}. We will answer by "
            + $"{request.DueAt:d MMMM yyyy}. You can follow it under your privacy requests.", cancellationToken);
    }

    /// <summary>The officer checked the requester's identity (or a nominee's proof): the request is being worked on.</summary>
    public async Task VerifiedAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        await SendAsync(request.CustomerId, $"Your request {reference} is verified",
            $"We checked who is asking, and your {Name(request.Type)} ({reference}) is now being handled. We will answer by "
            + $"{request.DueAt:d MMMM yyyy}.", cancellationToken);
    }

    public async Task ClosedAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        var outcome = request.Status == PrivacyRequestStatus.Completed ? "is complete" : "was declined";
        await SendAsync(request.CustomerId, $"Your request {reference} {outcome}",
            $"Your {Name(request.Type)} ({reference}) {outcome}:\n\n{request.Resolution}", cancellationToken);
        if (request.OpenedByNominee is { } nominee)
            await SendAsync(nominee, $"The request {reference} you opened as a nominee {outcome}",
                $"The {Name(request.Type)} ({reference}) you opened on the customer's behalf {outcome}:\n\n{request.Resolution}", cancellationToken);
    }

    /// <summary>The export of an access request is written: the link, and until when it works.</summary>
    public async Task ExportReadyAsync(PrivacyRequest request, string downloadUrl, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        // A nominee's request: the file goes to the nominee, who asked for it.
        await SendAsync(request.OpenedByNominee ?? request.CustomerId, $"Your data export {reference} is ready",
            $"Everything we hold about you is ready to download, as a JSON file:\n\n{downloadUrl}\n\nThe link works until "
            + $"{expiresAt:d MMMM yyyy HH:mm} UTC; then the file is deleted. Anyone with the link can download the file: do not forward this email.",
            cancellationToken);
    }

    private async Task SendAsync(Guid customerId, string subject, string body, CancellationToken cancellationToken)
    {
        var found = await customers.LoadAsync([customerId], cancellationToken);
        if (found.TryGetValue(customerId, out var customer)) await mail.SendAsync(customer.Email, subject, body, cancellationToken);
    }

    private static string Name(PrivacyRequestType type) => type switch
    {
        PrivacyRequestType.Grievance => "grievance",
        PrivacyRequestType.Correction => "request for correction",
        PrivacyRequestType.Restriction => "request to restrict the use of your data",
        PrivacyRequestType.Objection => "objection to the use of your data",
        _ => $"{type.ToString().ToLowerInvariant()} request",
    };
}
