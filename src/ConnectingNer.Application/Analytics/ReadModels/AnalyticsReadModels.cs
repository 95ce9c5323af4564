using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Domain.Consent;

namespace ConnectingNer.Application.Analytics.ReadModels;

/// <summary>What happened to a batch of events: stored, or dropped (all of them) and why.</summary>
public sealed record EventsRecordedReadModel(int Stored, int Dropped, ConsentSuspension? SuspendedBecause);

public enum RecommendationBasis
{
    /// <summary>From the person's own views, searches, cart additions and purchases (they consented to personalisation).</summary>
    Personal,

    /// <summary>The shop's best sellers: the same for everyone.</summary>
    Popular,
}

/// <summary>Recommended products and what they are based on.</summary>
public sealed record RecommendationsReadModel(RecommendationBasis Basis, IReadOnlyList<ProductReadModel> Products);

/// <summary>Event counts by group, with the number of groups too small to show.</summary>
public sealed record EventAggregatesReadModel(IReadOnlyList<EventGroup> Groups, int SuppressedGroups, int MinimumGroupSize);
