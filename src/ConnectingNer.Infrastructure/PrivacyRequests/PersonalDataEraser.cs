using ConnectingNer.Application.Customers;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>
/// Erasure, table by table. Deleted: the data key (crypto-shredding: every field sealed with it — profile, addresses,
/// order addresses, the nomination, exports — becomes unreadable wherever a copy lies), the account with its logins,
/// claims and roles, the identity server's tokens and authorizations, carts, events, the nomination, newsletter
/// subscriptions and invitations to the address, organisation memberships, exports, orders cancelled before an invoice,
/// saved idempotent responses. Kept, under a fresh pseudonym instead of the customer's id: invoices (amounts, lines,
/// place of supply, the buyer's GSTIN; the address columns emptied), consent records and ledger entries (through the
/// migration-owned <c>pseudonymise_subject</c>, the only way past their append-only triggers), privacy requests
/// (without what the customer wrote), released legal holds. Partners shown the data get an erasure notice.
/// </summary>
internal sealed class PersonalDataEraser(AppDbContext db, ICustomerReader customers, IOptions<IdentityServerOptions> identity, TimeProvider clock)
    : IPersonalDataEraser
{
    private static readonly string[] ClosedOrders = ["Delivered", "Cancelled", "Returned"];

    public async Task<ErasurePreview> PreviewAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var subject = customerId.ToString();
        var counts = await db.Database.SqlQuery<Counts>($"""
            SELECT
              (SELECT count(*)::int FROM carts WHERE customer_id = {customerId}) AS carts,
              (SELECT count(*)::int FROM shop_events WHERE customer_id = {customerId}) AS events,
              (SELECT count(*)::int FROM openiddict_tokens WHERE subject = {subject}) AS tokens,
              (SELECT count(*)::int FROM nominations WHERE customer_id = {customerId}) AS nominations,
              (SELECT count(*)::int FROM organisation_members WHERE customer_id = {customerId}) AS memberships,
              (SELECT count(*)::int FROM data_exports WHERE customer_id = {customerId}) AS exports,
              (SELECT count(*)::int FROM orders WHERE customer_id = {customerId} AND invoice_number IS NULL) AS orders_without_invoice,
              (SELECT count(*)::int FROM orders WHERE customer_id = {customerId} AND invoice_number IS NOT NULL) AS invoices,
              (SELECT max(invoice_date) FROM orders WHERE customer_id = {customerId}) AS last_invoice_date,
              (SELECT count(*)::int FROM orders WHERE customer_id = {customerId} AND NOT status = ANY({ClosedOrders})) AS open_orders,
              (SELECT count(*)::int FROM legal_holds WHERE customer_id = {customerId} AND released_at IS NULL) AS holds,
              (SELECT count(*)::int FROM consent_records WHERE customer_id = {customerId}) AS consent_records,
              (SELECT count(*)::int FROM audit_events WHERE subject_id = {customerId}) AS ledger_entries,
              (SELECT max(occurred_at) FROM audit_events WHERE subject_id = {customerId}) AS last_disclosure,
              (SELECT count(*)::int FROM privacy_requests WHERE customer_id = {customerId}) AS requests,
              (SELECT count(*)::int FROM privacy_requests WHERE customer_id = {customerId} AND type = 'Erasure'
                 AND status IN ('Received', 'Verified', 'InProgress')) AS open_erasure
            """).SingleAsync(cancellationToken);
        var profile = (await customers.LoadAsync([customerId], cancellationToken)).GetValueOrDefault(customerId);
        var now = clock.GetUtcNow();

        List<ErasureItem> deleted =
        [
            new("account", "Your account: sign-in, password, sessions and tokens", profile is null ? 0 : 1),
            new("profile", "Your name, email address, phone number and birth date", profile is null ? 0 : 1),
            new("addresses", "Your saved addresses", profile?.Addresses.Count ?? 0),
            new("external_logins", "Sign-in with Google or Facebook", profile?.ExternalLogins.Count ?? 0),
            new("tokens", "Signed-in sessions on your devices", counts.Tokens),
            new("carts", "Your carts", counts.Carts),
            new("events", "What you viewed and searched for", counts.Events),
            new("nomination", "Your nominee", counts.Nominations),
            new("organisations", "Your memberships of business accounts", counts.Memberships),
            new("exports", "Data exports made for you", counts.Exports),
            new("orders", "Orders cancelled before an invoice was issued", counts.OrdersWithoutInvoice),
        ];
        List<ErasureKeptItem> kept =
        [
            new("invoices", "GST invoices: number, date, items, amounts, tax, place of supply (and a business's GSTIN); without your name, address or contact",
                counts.Invoices, "CGST Act s.36 and Rule 56: accounts are kept for 8 years",
                counts.LastInvoiceDate is { } last ? new DateTimeOffset(last.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddYears(8) : null),
            new("consent_records", "Your consent decisions, without your identity", counts.ConsentRecords,
                "Proof that processing had consent (DPDP Act §6(10))", null),
            new("disclosure_ledger", "The record of who was shown your data, without your identity", counts.LedgerEntries,
                "DPDP Rules: logs of processing are kept at least one year", (counts.LastDisclosure ?? now).AddYears(1)),
            new("privacy_requests", "Your privacy requests, this one included, without your identity or what you wrote", counts.Requests + (counts.OpenErasure > 0 ? 0 : 1),
                "Proof of how requests were answered", now.AddYears(3)),
        ];
        List<ErasureBlocker> blockers = [];
        if (counts.Holds > 0) blockers.Add(new ErasureBlocker(PrivacyRequestErrors.LegalHold().Code, PrivacyRequestErrors.LegalHold().Message));
        if (counts.OpenOrders > 0)
        {
            kept.Add(new ErasureKeptItem("open_orders", "Orders not yet delivered or cancelled", counts.OpenOrders,
                "Needed to deliver them, take payment or accept a return; erasure can proceed once they are delivered or cancelled", null));
            var error = PrivacyRequestErrors.OpenOrders(counts.OpenOrders);
            blockers.Add(new ErasureBlocker(error.Code, error.Message));
        }

        var partners = (await PartnersShownAsync(customerId, cancellationToken)).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ErasurePreview(deleted, kept, blockers, partners);
    }

    public async Task<Guid> EraseAsync(Guid customerId, int requestId, ErasurePreview preview, CancellationToken cancellationToken)
    {
        var pseudonym = Guid.NewGuid();
        var subject = customerId.ToString();
        var now = clock.GetUtcNow();
        var database = db.Database;

        // Who must hear of it, before the ledger forgets whose rows they are.
        foreach (var partner in (await PartnersShownAsync(customerId, cancellationToken)).GroupBy(p => p.PartnerId))
        {
            var partnerId = partner.Key;
            var orders = await database.SqlQuery<string>($"""
                SELECT o.number AS "Value" FROM orders AS o JOIN shipments AS s ON s.order_id = o.id
                WHERE o.customer_id = {customerId} AND s.partner_id = {partnerId} ORDER BY o.number
                """).ToListAsync(cancellationToken);
            db.Set<ErasureNotice>().Add(new ErasureNotice(partnerId, customerId, orders,
                partner.SelectMany(p => p.Categories).Distinct().Order(StringComparer.Ordinal), now));
        }

        var emailIndex = await database.SqlQuery<string>($"SELECT normalized_email AS \"Value\" FROM users WHERE id = {customerId}")
            .SingleOrDefaultAsync(cancellationToken) ?? "";
        var subscribers = await database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM newsletter_subscribers WHERE email_index = {emailIndex}")
            .ToListAsync(cancellationToken);
        var orderIds = await database.SqlQuery<int>($"SELECT id AS \"Value\" FROM orders WHERE customer_id = {customerId}").ToListAsync(cancellationToken);

        // The identity server's grants go first: the next request with one of the customer's tokens is refused, on every node.
        await database.ExecuteSqlAsync($"DELETE FROM openiddict_tokens WHERE subject = {subject}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM openiddict_authorizations WHERE subject = {subject}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM carts WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM shop_events WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM nominations WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM guardian_consents WHERE minor_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"UPDATE guardian_consents SET guardian_id = {pseudonym} WHERE guardian_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM newsletter_subscribers WHERE email_index = {emailIndex}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM customer_keys WHERE customer_id = ANY({subscribers.ToArray()})", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM organisation_members WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync(
            $"DELETE FROM organisation_invitations WHERE invited_by = {customerId} OR email_index = {emailIndex}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM idempotency_records WHERE subject = {subject}", cancellationToken);

        // Invoices stay, with the minimum the law asks for: the addresses (already unreadable once the key goes) are emptied too.
        await database.ExecuteSqlAsync($"DELETE FROM orders WHERE customer_id = {customerId} AND invoice_number IS NULL", cancellationToken);
        await database.ExecuteSqlAsync($"UPDATE shipments SET corrected_address = NULL, correction_offered = false WHERE order_id = ANY({orderIds})",
            cancellationToken);
        await database.ExecuteSqlAsync(
            $"UPDATE orders SET customer_id = {pseudonym}, shipping_address = ''::bytea, billing_address = NULL WHERE customer_id = {customerId}",
            cancellationToken);
        await database.ExecuteSqlAsync($"UPDATE legal_holds SET customer_id = {pseudonym} WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync(
            $"UPDATE privacy_requests SET customer_id = {pseudonym}, details = NULL, purposes = NULL WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"SELECT pseudonymise_subject({customerId}, {pseudonym}, {subscribers.ToArray()})", cancellationToken);
        // After the requests' update, which waits for an export being written for them right now: its file goes too.
        await database.ExecuteSqlAsync($"DELETE FROM data_exports WHERE customer_id = {customerId}", cancellationToken);

        // Crypto-shredding, then the account (its profile, logins, claims and roles follow by cascade).
        await database.ExecuteSqlAsync($"DELETE FROM customer_keys WHERE customer_id = {customerId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM users WHERE id = {customerId}", cancellationToken);

        db.Set<ErasureRecord>().Add(new ErasureRecord(requestId, pseudonym, now,
            preview.Deleted.Where(d => d.Count > 0).Select(d => $"{d.Category}.deleted={d.Count}")
                .Concat(preview.Kept.Where(k => k.Count > 0).Select(k => $"{k.Category}.kept={k.Count}"))
                .Append($"partners.notified={preview.PartnersNotified.Count}")));
        await db.SaveChangesAsync(cancellationToken);
        return pseudonym;
    }

    public async Task<Guid> EraseSubscriberAsync(Guid subscriberId, int requestId, CancellationToken cancellationToken)
    {
        var pseudonym = Guid.NewGuid();
        var database = db.Database;
        var consents = await database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM consent_records WHERE subscriber_id = {subscriberId}")
            .SingleAsync(cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM newsletter_subscribers WHERE id = {subscriberId}", cancellationToken);
        await database.ExecuteSqlAsync($"DELETE FROM customer_keys WHERE customer_id = {subscriberId}", cancellationToken);
        await database.ExecuteSqlAsync($"UPDATE privacy_requests SET customer_id = {pseudonym} WHERE customer_id = {subscriberId}", cancellationToken);
        Guid[] subscribers = [subscriberId];
        await database.ExecuteSqlAsync($"SELECT pseudonymise_subject({subscriberId}, {pseudonym}, {subscribers})", cancellationToken);
        db.Set<ErasureRecord>().Add(new ErasureRecord(requestId, pseudonym, clock.GetUtcNow(),
            ["newsletter_subscription.deleted=1", $"consent_records.kept={consents}"]));
        await db.SaveChangesAsync(cancellationToken);
        return pseudonym;
    }

    /// <summary>The partners the ledger says were shown the customer's data, with the categories each saw.</summary>
    private async Task<IReadOnlyList<(string PartnerId, string Name, IReadOnlyList<string> Categories)>> PartnersShownAsync(Guid customerId,
        CancellationToken cancellationToken)
    {
        var clients = identity.Value.Clients.Where(c => c.PartnerId is not null).ToDictionary(c => c.ClientId);
        var clientIds = clients.Keys.ToArray();
        var rows = await db.AuditEvents.AsNoTracking().Where(a => a.SubjectId == customerId && a.ClientId != null && clientIds.Contains(a.ClientId))
            .Select(a => new { a.ClientId, a.Categories }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.ClientId!).Select(g => (clients[g.Key].PartnerId!, clients[g.Key].DisplayName,
            (IReadOnlyList<string>)[.. g.SelectMany(r => r.Categories).Distinct()]))];
    }

    private sealed class Counts
    {
        public int Carts { get; init; }
        public int Events { get; init; }
        public int Tokens { get; init; }
        public int Nominations { get; init; }
        public int Memberships { get; init; }
        public int Exports { get; init; }
        public int OrdersWithoutInvoice { get; init; }
        public int Invoices { get; init; }
        public DateOnly? LastInvoiceDate { get; init; }
        public int OpenOrders { get; init; }
        public int Holds { get; init; }
        public int ConsentRecords { get; init; }
        public int LedgerEntries { get; init; }
        public DateTimeOffset? LastDisclosure { get; init; }
        public int Requests { get; init; }
        public int OpenErasure { get; init; }
    }
}
