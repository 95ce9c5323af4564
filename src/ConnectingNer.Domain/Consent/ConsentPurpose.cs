namespace ConnectingNer.Domain.Consent;

/// <summary>
/// Why the shop processes personal data, as people are shown it: reference data (<c>consent_purposes</c>), one row per
/// purpose. <see cref="Essential"/> needs no consent (cart, sign-in, security); every other purpose runs only while the
/// person's latest decision grants it.
/// </summary>
public sealed class ConsentPurpose
{
    public const string Essential = "essential";
    public const string Analytics = "analytics";
    public const string Personalisation = "personalisation";
    public const string MarketingEmail = "marketing.email";
    public const string MarketingSms = "marketing.sms";
    public const string MarketingWhatsApp = "marketing.whatsapp";
    public const string ThirdPartySharing = "third_party_sharing";

    /// <summary>Purposes that a minor's toggles never turn on without a verified guardian (DPDP Act §9).</summary>
    public static readonly IReadOnlySet<string> TrackingOrMarketing = new HashSet<string>(StringComparer.Ordinal)
    {
        Analytics, Personalisation, MarketingEmail, MarketingSms, MarketingWhatsApp, ThirdPartySharing,
    };

    private ConsentPurpose() { }

    public ConsentPurpose(string code, string name, string description, string legalBasis, int retentionDays, IEnumerable<string> partners, int position)
    {
        Code = code;
        Name = name;
        Description = description;
        LegalBasis = legalBasis;
        RetentionDays = retentionDays;
        Partners = [.. partners];
        Position = position;
    }

    /// <summary>The stable code clients send (<c>analytics</c>, <c>marketing.email</c>, …).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>What the purpose means, in the words shown to people.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Why the shop may process for it: <c>consent</c>, or <c>contract</c> for essential processing.</summary>
    public string LegalBasis { get; private set; } = "";

    /// <summary>How long data kept for this purpose is kept.</summary>
    public int RetentionDays { get; private set; }

    /// <summary>The kinds of partner involved (e.g. <c>email delivery provider</c>).</summary>
    public List<string> Partners { get; private set; } = [];

    /// <summary>Display order.</summary>
    public int Position { get; private set; }

    public bool IsEssential => Code == Essential;
}
