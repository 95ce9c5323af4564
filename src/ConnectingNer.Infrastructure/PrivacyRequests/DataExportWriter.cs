using System.Text.Json;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>
/// Writes everything held about one customer as one JSON document: profile and addresses, orders with their invoices,
/// consents and their history, events, external logins, nomination, privacy requests, and the DPDP §11 summary: each
/// category of data disclosed, for which purposes, to which recipients (partners by name, staff by role), from the
/// disclosure ledger. A fixed number of queries, whatever the number of orders.
/// </summary>
internal sealed class DataExportWriter(AppDbContext db, ICustomerReader customers, IOrderAddressVault addresses, INomineeVault nominees,
    IOptions<IdentityServerOptions> identity)
{
    public const string Format = "connectingner.data-export/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> WriteAsync(Guid customerId, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = (await customers.LoadAsync([customerId], cancellationToken)).GetValueOrDefault(customerId);
        var orders = await db.Set<Order>().AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.History)
            .Where(o => o.CustomerId == customerId).OrderBy(o => o.PlacedAt).ToListAsync(cancellationToken);
        var opened = await addresses.OpenAsync([.. orders.Select(o => (o.Id, o.CustomerId, o.ShippingAddress))], cancellationToken);
        var consents = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var events = await db.Set<ShopEvent>().AsNoTracking().Where(e => e.CustomerId == customerId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var requests = await db.Set<PrivacyRequest>().AsNoTracking().Include(r => r.Steps).Where(r => r.CustomerId == customerId).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var nomination = await db.Set<Nomination>().AsNoTracking().Where(n => n.CustomerId == customerId && n.EndedAt == null)
            .OrderByDescending(n => n.Id).FirstOrDefaultAsync(cancellationToken);
        var nominee = nomination is null ? null : await nominees.OpenAsync(customerId, nomination.SealedNominee, cancellationToken);
        var subject = customerId.ToString();
        var disclosures = await db.AuditEvents.AsNoTracking().Where(a => a.SubjectId == customerId && a.ActorSubject != subject).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);

        var document = new
        {
            format = Format,
            request = reference,
            generatedAt = now,
            customer = profile is null ? null : new
            {
                id = customerId,
                profile.Email,
                profile.EmailConfirmed,
                profile.Name,
                profile.Phone,
                profile.BirthDate,
                profile.GuardianName,
                profile.CreatedAt,
                profile.HasPassword,
            },
            addresses = profile?.Addresses.Select(a => new
            {
                a.Id, kind = a.Kind.ToString(), a.RecipientName, a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.CountryCode, a.Phone, a.IsDefault,
            }),
            externalLogins = profile?.ExternalLogins.Select(l => new { l.Provider, l.ProviderDisplayName }),
            orders = orders.Select(o => new
            {
                o.Number, status = o.Status.ToString(), paymentMethod = o.PaymentMethod.ToString(), o.PlacedAt, o.PurchaseOrderNumber, o.BuyerGstin,
                o.PlaceOfSupply, totalPaise = o.TotalPaise, taxableValuePaise = o.TaxableValuePaise, cgstPaise = o.CgstPaise, sgstPaise = o.SgstPaise,
                igstPaise = o.IgstPaise, invoice = o.InvoiceNumber is null ? null : new { number = o.InvoiceNumber, date = o.InvoiceDate },
                shippingAddress = opened.GetValueOrDefault(o.Id), o.PaidAt, o.DeliveredAt,
                lines = o.Lines.Select(l => new
                {
                    l.Sku, l.Name, l.HsnCode, gstRatePercent = l.GstRateBasisPoints / 100m, unitPricePaise = l.UnitPricePaise, l.Quantity,
                    lineTotalPaise = l.LineTotalPaise,
                }),
                history = o.History.Select(h => new { from = h.From?.ToString(), to = h.To.ToString(), h.Actor, h.Note, h.At }),
            }),
            consents = new
            {
                current = consents.GroupBy(r => r.Purpose).Select(g => g.MaxBy(r => r.Id)!)
                    .Select(r => new { r.Purpose, r.Granted, r.PolicyVersion, r.RecordedAt }),
                history = consents.Select(r => new { r.Purpose, r.Granted, r.PolicyVersion, source = r.Source.ToString(), r.RecordedAt, r.ClientId }),
            },
            events = events.Select(e => new { type = e.Type.ToString(), e.ProductId, e.Query, e.OccurredAt, e.Network, e.Browser, e.ClientId }),
            nomination = nominee is null ? null : new { nominee.Name, nominee.Email, nominee.Relation, nomination!.NominatedAt },
            privacyRequests = requests.Select(r => new
            {
                reference = PrivacyRequest.ReferenceOf(r.Id, r.ReceivedAt), type = r.Type.ToString(), status = r.Status.ToString(), regime = r.Regime.ToString(),
                r.Subject, r.Details, r.ReceivedAt, r.DueAt, r.ClosedAt, r.Resolution,
                steps = r.Steps.OrderBy(s => s.Id).Select(s => new { s.At, from = s.From?.ToString(), to = s.To.ToString(), s.Note }),
            }),
            disclosureSummary = Summary(disclosures),
            disclosures = disclosures.Select(a => new
            {
                a.OccurredAt, recipient = RecipientOf(a), a.Purpose, a.Categories, a.Fields, a.Masked,
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>What is held about a newsletter subscriber without an account: the address, the subscription, its consent decisions.</summary>
    public async Task<byte[]> WriteSubscriberAsync(Guid subscriberId, string email, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.Set<NewsletterSubscriber>().AsNoTracking().SingleAsync(s => s.Id == subscriberId, cancellationToken);
        var consents = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.SubscriberId == subscriberId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = Format,
            request = reference,
            generatedAt = now,
            newsletterSubscription = new { email, subscription.CreatedAt, subscription.ConfirmedAt },
            consents = consents.Select(r => new { r.Purpose, r.Granted, r.PolicyVersion, source = r.Source.ToString(), r.RecordedAt }),
            disclosureSummary = Array.Empty<object>(),
        }, Json);
    }

    /// <summary>DPDP §11: each category disclosed to someone other than the person, its purposes, and every recipient.</summary>
    private IEnumerable<object> Summary(IReadOnlyList<AuditEvent> disclosures) =>
        disclosures.SelectMany(a => a.Categories.Select(category => (Category: category, Event: a)))
            .GroupBy(x => x.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new
            {
                category = g.Key,
                purposes = g.Select(x => x.Event.Purpose).Distinct().Order(StringComparer.Ordinal).ToList(),
                recipients = g.Select(x => RecipientOf(x.Event)).DistinctBy(r => (r.Kind, r.Id)).OrderBy(r => r.Kind).ThenBy(r => r.Id).ToList(),
                lastDisclosedAt = g.Max(x => x.Event.OccurredAt),
            });

    private Recipient RecipientOf(AuditEvent disclosure)
    {
        if (identity.Value.Clients.FirstOrDefault(c => c.ClientId == disclosure.ClientId && c.PartnerId is not null) is { } partner)
            return new Recipient("partner", partner.PartnerId!, partner.DisplayName);
        if (disclosure.ActorRoles.Count > 0)
        {
            var role = string.Join(", ", disclosure.ActorRoles);
            return new Recipient("staff", role, $"Shop staff ({role})");
        }

        return new Recipient("person", "organisation", "A member of an organisation you belong to");
    }

    private sealed record Recipient(string Kind, string Id, string Name);
}
