namespace ConnectingNer.Application.Ordering;

/// <summary>The partners configured as OAuth clients, by the job their scopes give them.</summary>
public interface IPartnerDirectory
{
    /// <summary>True when a client of this partner may fulfil orders (<c>orders:fulfil</c>).</summary>
    bool IsLogisticsPartner(string partnerId);
}
