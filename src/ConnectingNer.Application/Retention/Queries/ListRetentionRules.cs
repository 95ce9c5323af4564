using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Retention.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Retention.Queries;

/// <summary>Every retention rule, with what the daily job last removed under it (counts only), for the privacy officer.</summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record ListRetentionRulesQuery : IQuery<IReadOnlyList<RetentionRuleReadModel>>;

public sealed class ListRetentionRulesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListRetentionRulesQuery, IReadOnlyList<RetentionRuleReadModel>>
{
    public async ValueTask<IReadOnlyList<RetentionRuleReadModel>> Handle(ListRetentionRulesQuery query, CancellationToken cancellationToken)
    {
        var runs = db.RetentionRuns;
        return await db.RetentionRules.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new
            {
                Rule = r,
                Last = runs.Where(x => x.Rule == r.Code).OrderByDescending(x => x.Id).Select(x => new { x.RanAt, x.Deleted, x.Held }).FirstOrDefault(),
            })
            .Select(x => new RetentionRuleReadModel(x.Rule.Code, x.Rule.What, x.Rule.Months, x.Rule.Days, x.Rule.FromEvent, x.Rule.LegalBasis, x.Rule.Action,
                x.Last == null ? null : x.Last.RanAt, x.Last == null ? null : x.Last.Deleted, x.Last == null ? null : x.Last.Held))
            .ToListAsync(cancellationToken);
    }
}
