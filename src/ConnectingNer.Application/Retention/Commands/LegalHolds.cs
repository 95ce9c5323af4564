using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Retention.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Retention;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Retention.Commands;

/// <summary>The privacy officer places a legal hold on a customer's data: the retention job deletes nothing of theirs while it stands.</summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record PlaceLegalHoldCommand(Guid CustomerId, string Reason) : ICommand<Result<LegalHoldReadModel>>;

public sealed class PlaceLegalHoldCommandHandler(IApplicationDbContext db, ICustomerStore customers, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PlaceLegalHoldCommand, Result<LegalHoldReadModel>>
{
    public async ValueTask<Result<LegalHoldReadModel>> Handle(PlaceLegalHoldCommand command, CancellationToken cancellationToken)
    {
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > LegalHold.ReasonMaxLength)
            return new Error("legal_hold.reason_invalid", $"Give the reason, 1 to {LegalHold.ReasonMaxLength} characters.", "reason");
        if (!await customers.Index.AnyAsync(r => r.SubjectId == command.CustomerId, cancellationToken))
            return new Error("legal_hold.customer_not_found", "No customer has this id.", "customerId");
        var hold = new LegalHold(command.CustomerId, reason, user.SubjectId ?? "unknown", clock.GetUtcNow());
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(LegalHoldReadModel.From(hold));
    }
}

[Authorize(Policies.PrivacyOfficer)]
public sealed record ReleaseLegalHoldCommand(int Id) : ICommand<Result<LegalHoldReadModel>>;

public sealed class ReleaseLegalHoldCommandHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<ReleaseLegalHoldCommand, Result<LegalHoldReadModel>>
{
    public async ValueTask<Result<LegalHoldReadModel>> Handle(ReleaseLegalHoldCommand command, CancellationToken cancellationToken)
    {
        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == command.Id, cancellationToken);
        if (hold is null || !hold.Release(clock.GetUtcNow()))
            return new Error("legal_hold.not_found", "No legal hold in force has this id.", "holdId");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(LegalHoldReadModel.From(hold));
    }
}
