using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Infrastructure.Accounts;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>Notices about privacy requests go through the shop's mail sender (Development: the log).</summary>
internal sealed class EmailNoticeMail(IEmailSender sender) : INoticeMail
{
    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) => sender.SendAsync(to, subject, body, cancellationToken);
}
