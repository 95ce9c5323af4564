using ConnectingNer.Application.Analytics.ReadModels;
using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Analytics.Queries;

/// <summary>
/// Products to recommend. With personalisation consent (checked on every request, so a withdrawal counts at once), from
/// the person's own recent views, searches' results, cart additions and purchases: more of the categories they look at,
/// leaving out what they bought. Without it, or without history, the best sellers, the same for everyone.
/// </summary>
public sealed record RecommendProductsQuery(string? DeviceId, int First) : IQuery<Result<RecommendationsReadModel>>;

public sealed class RecommendProductsQueryHandler(IApplicationDbContext db, ConsentReader consent, ICurrentUser user, ISender sender, TimeProvider clock)
    : IQueryHandler<RecommendProductsQuery, Result<RecommendationsReadModel>>
{
    public const int MaxFirst = 50;
    public const int HistoryDays = 90;
    private const int HistoryEvents = 200;

    public async ValueTask<Result<RecommendationsReadModel>> Handle(RecommendProductsQuery query, CancellationToken cancellationToken)
    {
        if (query.First is < 1 or > MaxFirst) return new Error("recommendations.first_out_of_range", $"Ask for 1 to {MaxFirst} products.", "first");
        ConsentSubject? subject = null;
        if (user.PartnerId is null && user.TryGetPersonId(out var me)) subject = ConsentSubject.Customer(me);
        else if (query.DeviceId is not null)
        {
            if (!DeviceIds.TryParse(query.DeviceId, out var device)) return ConsentErrors.DeviceIdInvalid();
            subject = ConsentSubject.Device(device);
        }

        if (subject is { } who && (await consent.HoldsAsync(who, ConsentPurpose.Personalisation, cancellationToken)).Holds
            && await PersonalAsync(who, query.First, cancellationToken) is { Count: > 0 } personal)
            return Result.Success(new RecommendationsReadModel(RecommendationBasis.Personal, personal));

        var popular = await sender.Send(new ListBestSellersQuery(query.First), cancellationToken);
        return Result.Success(new RecommendationsReadModel(RecommendationBasis.Popular, [.. popular.Select(b => b.Product)]));
    }

    private async Task<IReadOnlyList<Catalog.ReadModels.ProductReadModel>> PersonalAsync(ConsentSubject subject, int first, CancellationToken cancellationToken)
    {
        var id = subject.Id;
        var since = clock.GetUtcNow().AddDays(-HistoryDays);
        var events = !subject.IsCustomer ? db.ShopEvents.Where(e => e.DeviceId == id && e.CustomerId == null) : db.ShopEvents.Where(e => e.CustomerId == id);
        var touched = await events.Where(e => e.ProductId != null && e.OccurredAt >= since)
            .OrderByDescending(e => e.Id).Take(HistoryEvents).Select(e => e.ProductId!.Value).ToListAsync(cancellationToken);
        var orders = db.Orders;
        var bought = !subject.IsCustomer ? [] : await db.OrderLines.Where(l => orders.Any(o => o.Id == l.OrderId && o.CustomerId == id))
            .Select(l => l.ProductId).Distinct().ToListAsync(cancellationToken);
        if (touched.Count == 0 && bought.Count == 0) return [];

        var visible = await sender.Send(new ListProductsQuery(), cancellationToken);
        var known = touched.Concat(bought).Distinct().ToList();
        var categoryOf = await visible.Where(p => known.Contains(p.Id)).Select(p => new { p.Id, p.CategoryId })
            .ToDictionaryAsync(p => p.Id, p => p.CategoryId, cancellationToken);
        // A category weighs as much as the person's views and purchases in it; a product, as its own views.
        var weight = touched.Concat(bought).Where(categoryOf.ContainsKey).GroupBy(p => categoryOf[p]).ToDictionary(g => g.Key, g => g.Count());
        var views = touched.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var categories = weight.Keys.ToList();
        var candidates = await visible.Where(p => categories.Contains(p.CategoryId) && !bought.Contains(p.Id))
            .OrderBy(p => p.Id).Take(500).ToListAsync(cancellationToken);
        return [.. candidates.OrderByDescending(p => weight[p.CategoryId]).ThenByDescending(p => views.GetValueOrDefault(p.Id)).ThenBy(p => p.Id).Take(first)];
    }
}
