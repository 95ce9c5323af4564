using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.PrivacyRequests;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>How long the shop has to answer, per regime (configuration section <c>PrivacyRequests</c>).</summary>
public sealed class PrivacyRequestSettings
{
    public const string SectionName = "PrivacyRequests";

    /// <summary>DPDP Act: days to answer a request of a data principal.</summary>
    public int DpdpResponseDays { get; set; } = 30;

    /// <summary>DPDP Rules: grievances are answered within at most 90 days.</summary>
    public int DpdpGrievanceDays { get; set; } = 90;

    /// <summary>GDPR Art. 12(3): one month, extendable by two more with a reason.</summary>
    public int GdprResponseMonths { get; set; } = 1;

    /// <summary>Where notices for the privacy officer go (requests about to fall due).</summary>
    public string OfficerEmail { get; set; } = "privacy@connectingner.example";

    /// <summary>How many days before its due date an open request is announced to the officer.</summary>
    public int DueSoonDays { get; set; } = 3;
}

/// <summary>Which regime a customer's request runs on, and its due date.</summary>
public sealed class PrivacyRequestClock(PrivacyRequestSettings settings, ICustomerReader customers)
{
    /// <summary>The EU's member states (ISO 3166-1 alpha-2): a customer with an address there is answered on the GDPR's clock.</summary>
    public static readonly IReadOnlySet<string> EuCountries = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT",
        "RO", "SK", "SI", "ES", "SE",
    };

    public async Task<PrivacyRegime> RegimeOfAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var found = await customers.LoadAsync([customerId], cancellationToken);
        return found.TryGetValue(customerId, out var customer) && customer.Addresses.Any(a => EuCountries.Contains(a.CountryCode))
            ? PrivacyRegime.Gdpr
            : PrivacyRegime.Dpdp;
    }

    public DateTimeOffset DueAt(PrivacyRequestType type, PrivacyRegime regime, DateTimeOffset receivedAt) => regime switch
    {
        PrivacyRegime.Gdpr => receivedAt.AddMonths(settings.GdprResponseMonths),
        _ when type == PrivacyRequestType.Grievance => receivedAt.AddDays(settings.DpdpGrievanceDays),
        _ => receivedAt.AddDays(settings.DpdpResponseDays),
    };
}
