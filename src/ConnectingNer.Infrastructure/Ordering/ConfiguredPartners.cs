using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Partners as the identity configuration registers their clients.</summary>
public sealed class ConfiguredPartners(IOptions<IdentityServerOptions> options) : IPartnerDirectory
{
    public bool IsLogisticsPartner(string partnerId) =>
        options.Value.Clients.Any(c => c.PartnerId == partnerId && c.Scopes.Contains("orders:fulfil"));
}
