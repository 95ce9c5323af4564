namespace ConnectingNer.Domain.Consent;

/// <summary>Where a consent decision was made.</summary>
public enum ConsentSource
{
    Banner,
    AccountSettings,
    Checkout,
    EmailLink,
    Api,
}
