using ConnectingNer.Application.Analytics.ReadModels;
using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Analytics.Commands;

/// <summary>An event as the client reports it.</summary>
public sealed record EventInput(ShopEventType Type, int? ProductId, string? Query, DateTimeOffset OccurredAt);

/// <summary>
/// Clickstream from the web or the app. Stored only while analytics consent holds for the signed-in customer (or, for an
/// anonymous visitor, the device); otherwise nothing is stored and the answer says how many were dropped. A minor's
/// events are never stored without a verified guardian. Addresses and user agents are reduced before storing.
/// </summary>
public sealed record RecordEventsCommand(string? DeviceId, IReadOnlyList<EventInput> Events) : ICommand<Result<EventsRecordedReadModel>>;

public sealed class RecordEventsCommandHandler(IApplicationDbContext db, ConsentReader consent, ICurrentUser user, IRequestOrigin origin, TimeProvider clock)
    : ICommandHandler<RecordEventsCommand, Result<EventsRecordedReadModel>>
{
    public const int MaxEvents = 100;

    /// <summary>Clocks differ: an event up to this far ahead of the server's clock is not "in the future".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public async ValueTask<Result<EventsRecordedReadModel>> Handle(RecordEventsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = Check(command.Events, now);
        ConsentSubject? subject = null;
        if (user.PartnerId is null && user.TryGetPersonId(out var me)) subject = ConsentSubject.Customer(me);
        else if (command.DeviceId is null) errors.Add(AnalyticsErrors.SubjectRequired());
        if (command.DeviceId is not null)
        {
            if (!DeviceIds.TryParse(command.DeviceId, out var device)) errors.Add(ConsentErrors.DeviceIdInvalid());
            else subject ??= ConsentSubject.Device(device);
        }

        var products = command.Events.Where(e => e.ProductId is not null).Select(e => e.ProductId!.Value).Distinct().ToList();
        if (errors.Count == 0 && products.Count > 0)
        {
            var known = await db.Products.AsNoTracking().Where(p => products.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            errors.AddRange(command.Events.Select((e, i) => (e, i)).Where(x => x.e.ProductId is { } id && !known.Contains(id))
                .Select(x => AnalyticsErrors.ProductUnknown($"events[{x.i}].productId")));
        }

        if (errors.Count > 0) return Result<EventsRecordedReadModel>.FromErrors(errors);

        var (holds, suspension) = await consent.HoldsAsync(subject!.Value, ConsentPurpose.Analytics, cancellationToken);
        if (!holds) return Result.Success(new EventsRecordedReadModel(0, command.Events.Count, suspension));

        var (network, browser) = (Anonymisation.Network(origin.Address), Anonymisation.Browser(origin.UserAgent));
        var (customerId, deviceId) = !subject.Value.IsCustomer ? ((Guid?)null, (Guid?)subject.Value.Id) : (subject.Value.Id, null);
        db.ShopEvents.AddRange(command.Events.Select(e => new ShopEvent(e.Type, customerId, deviceId, e.ProductId,
            e.Type == ShopEventType.Searched ? e.Query!.Trim() : null, e.OccurredAt, now, network, browser, user.ClientId)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new EventsRecordedReadModel(command.Events.Count, 0, null));
    }

    private static List<Error> Check(IReadOnlyList<EventInput> events, DateTimeOffset now)
    {
        if (events.Count == 0) return [AnalyticsErrors.NoEvents()];
        if (events.Count > MaxEvents) return [AnalyticsErrors.TooManyEvents(MaxEvents)];
        var errors = new List<Error>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var at = $"events[{i}].occurredAt";
            if (e.OccurredAt > now + ClockSkew) errors.Add(AnalyticsErrors.InTheFuture(at));
            else if (e.OccurredAt < now.AddDays(-1)) errors.Add(AnalyticsErrors.TooOld(at));
            if (e.Type is ShopEventType.ProductViewed or ShopEventType.AddedToCart && e.ProductId is null)
                errors.Add(AnalyticsErrors.ProductRequired($"events[{i}].productId"));
            if (e.Type == ShopEventType.Searched && (string.IsNullOrWhiteSpace(e.Query) || e.Query.Trim().Length > ShopEvent.QueryMaxLength))
                errors.Add(AnalyticsErrors.QueryInvalid(ShopEvent.QueryMaxLength, $"events[{i}].query"));
        }

        return errors;
    }
}
