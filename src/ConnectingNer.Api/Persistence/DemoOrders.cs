using System.Security.Claims;
using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Catalog.Commands;
using ConnectingNer.Application.Consent.Commands;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Application.Ordering.Commands;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Infrastructure;
using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Api.Persistence;

/// <summary>
/// The demo's order history, made the way real orders are made: every step is a command sent through the same
/// pipeline as a GraphQL request (authorization, validation, idempotency, one transaction), by the actor who takes
/// it in the real shop — the customer places and cancels, the payment partner pays, support packs, the logistics
/// partner ships and delivers. So best sellers come from real sales, and there is an order in every state, one
/// organisation with a bulk order, and shipments the demo partners can act on; then the customer's consent decisions.
/// Runs once: nothing if orders exist.
/// </summary>
public static class DemoOrders
{
    public const string OrganisationGstin = "18AABCB1234M1ZS";

    public static async Task SeedDemoOrdersAsync(this IServiceProvider services, string customerEmail, string supportEmail, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<Infrastructure.Persistence.AppDbContext>();
        if (await db.Orders.AnyAsync(ct)) return;
        var users = provider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(customerEmail) is not { } customer || await users.FindByEmailAsync(supportEmail) is not { } support) return;
        var clients = provider.GetRequiredService<IOptions<IdentityServerOptions>>().Value.Clients;
        var payments = clients.FirstOrDefault(c => c.PartnerId is not null && c.Scopes.Contains("payments:process"));
        var logistics = clients.FirstOrDefault(c => c.PartnerId is not null && c.Scopes.Contains("orders:fulfil"));
        if (payments is null || logistics is null) return;

        var addresses = await AddressesAsync(provider.GetRequiredService<ICustomerStore>(), customer.Id, ct);
        var actors = new Actors(services, customer.Id, support.Id, payments, logistics);
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive && p.Stock >= 40).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        if (products.Count < 10) return;

        // A bulk price on one product, and an organisation that buys it with a purchase order.
        var bulk = products[0];
        var listPrice = await db.Products.Where(p => p.Id == bulk).Select(p => p.PricePaise).SingleAsync(ct);
        await actors.Admin(new SetProductPriceBreaksCommand(bulk, [(10, listPrice * 9 / 10), (25, listPrice * 8 / 10)]), ct);
        var organisation = await actors.Customer(new CreateOrganisationCommand("Brahmaputra Tea Traders LLP", OrganisationGstin, "Fancy Bazar",
            "Near Hanuman Mandir", "Guwahati", "Assam", "781001"), ct);
        await actors.PlaceAsync([(bulk, 12)], addresses.Home, PaymentMethod.CashOnDelivery, "bulk", ct, organisation.Value.Id, "PO-BTT-2026-0042");

        // Thirty orders spread over the catalogue, each taken to one of the states an order can be in.
        OrderStatus[] states =
        [
            OrderStatus.Delivered, OrderStatus.Paid, OrderStatus.Delivered, OrderStatus.PendingPayment, OrderStatus.Shipped,
            OrderStatus.Delivered, OrderStatus.Confirmed, OrderStatus.Packed, OrderStatus.Cancelled, OrderStatus.Delivered,
            OrderStatus.ReturnRequested, OrderStatus.Returned, OrderStatus.Paid, OrderStatus.Delivered, OrderStatus.Shipped,
        ];
        for (var i = 0; i < 30; i++)
        {
            var state = states[i % states.Length];
            var cod = state == OrderStatus.Confirmed || i % 4 == 3;
            var method = state is OrderStatus.PendingPayment or OrderStatus.Paid ? PaymentMethod.Prepaid : cod ? PaymentMethod.CashOnDelivery : PaymentMethod.Prepaid;
            (int, int)[] lines = [(products[(i * 7 + 1) % products.Count], 1 + i % 3), (products[(i * 13 + 5) % products.Count], 1 + i % 2)];
            var orderId = await actors.PlaceAsync(lines, i % 5 == 4 ? addresses.Away : addresses.Home, method, $"demo-{i}", ct);
            await actors.TakeToAsync(orderId, state, $"demo-{i}", ct);
        }

        // Asha's consent, as she gave it: analytics, recommendations and offers by email yes, offers by SMS no. So the
        // demo marketing partner has an audience, and her recommendations are her own.
        var consent = await actors.Customer(new SetMyConsentsCommand([new(ConsentPurpose.Analytics, true), new(ConsentPurpose.Personalisation, true),
            new(ConsentPurpose.MarketingEmail, true), new(ConsentPurpose.MarketingSms, false)], ConsentSource.Banner), ct);
        if (!consent.IsSuccess) throw new InvalidOperationException("Demo seed step failed: " + string.Join("; ", consent.Errors.Select(e => e.Code)));
    }

    /// <summary>Asha's two addresses: one in Assam (CGST + SGST), one in Meghalaya (IGST).</summary>
    private static async Task<(Guid Home, Guid Away)> AddressesAsync(ICustomerStore customers, Guid id, CancellationToken ct)
    {
        var customer = (await customers.FindAsync(id, ct))!;
        if (customer.Addresses.Count < 2)
        {
            customer.UpdateProfile("Asha Borah", "+919864012345", null, true, null, DateTimeOffset.UtcNow);
            customer.AddAddress(Address.Create(Guid.CreateVersion7(), AddressKind.Shipping, "Asha Borah", "House 7, Rajgarh Road", "Chandmari",
                "Guwahati", "Assam", "781003", "IN", "+919864012345", true).Value);
            customer.AddAddress(Address.Create(Guid.CreateVersion7(), AddressKind.Shipping, "Asha Borah", "Laitumkhrah Main Road", null,
                "Shillong", "Meghalaya", "793003", "IN", "+919864012345", false).Value);
            await customers.UpdateAsync(customer, ct);
        }

        return (customer.Addresses[0].Id, customer.Addresses[1].Id);
    }

    /// <summary>Sends each command as one of the shop's actors, through the whole pipeline, in a scope of its own.</summary>
    private sealed class Actors(IServiceProvider services, Guid customer, Guid support, ClientOptions payments, ClientOptions logistics)
    {
        private static readonly string[] CustomerScopes = ["orders:read", "orders:write"];

        public Task<Result<T>> Customer<T>(ICommand<Result<T>> command, CancellationToken ct) =>
            SendAs(command, [new("sub", customer.ToString()), .. CustomerScopes.Select(s => new Claim("scope", s))], ct);

        public Task<Result<T>> Support<T>(ICommand<Result<T>> command, CancellationToken ct) =>
            SendAs(command, [new("sub", support.ToString()), new(ClaimTypes.Role, "support")], ct);

        public Task<Result<T>> Admin<T>(ICommand<Result<T>> command, CancellationToken ct) =>
            SendAs(command, [new("sub", support.ToString()), new(ClaimTypes.Role, "admin")], ct);

        private Task<Result<T>> Partner<T>(ClientOptions client, string scope, ICommand<Result<T>> command, CancellationToken ct) =>
            SendAs(command, [new("sub", client.ClientId), new("client_id", client.ClientId), new("partner_id", client.PartnerId!), new("scope", scope)], ct);

        public async Task<int> PlaceAsync((int Product, int Quantity)[] lines, Guid address, PaymentMethod method, string key, CancellationToken ct,
            int? organisation = null, string? purchaseOrder = null)
        {
            var cart = Check(await Customer(new CreateCartCommand(), ct));
            foreach (var (product, quantity) in lines) Check(await Customer(new AddCartLineCommand(cart.Id, product, quantity), ct));
            return Check(await Customer(new PlaceOrderCommand(cart.Id, address, null, method, purchaseOrder, organisation, key), ct));
        }

        public async Task TakeToAsync(int orderId, OrderStatus target, string key, CancellationToken ct)
        {
            var order = await ReadAsync(orderId, ct);
            if (target is OrderStatus.PendingPayment or OrderStatus.Confirmed) return;
            if (target == OrderStatus.Cancelled)
            {
                Check(await Customer(new CancelOrderCommand(orderId, "Ordered by mistake"), ct));
                return;
            }

            if (order.PaymentMethod == PaymentMethod.Prepaid)
                Check(await Partner(payments, "payments:process", new RecordPaymentCommand(order.Number, order.TotalPaise, "pay_" + key, key), ct));
            if (target == OrderStatus.Paid) return;
            Check(await Support(new PackOrderCommand(orderId, logistics.PartnerId!), ct));
            if (target == OrderStatus.Packed) return;
            var shipment = await ShipmentIdAsync(orderId, ct);
            Check(await Partner(logistics, "orders:fulfil", new UpdateShipmentCommand(shipment, ShipmentStatus.Shipped, "NEX" + (100_000 + orderId), null), ct));
            if (target == OrderStatus.Shipped) return;
            Check(await Partner(logistics, "orders:fulfil", new UpdateShipmentCommand(shipment, ShipmentStatus.Delivered, null, null), ct));
            if (target == OrderStatus.Delivered) return;
            Check(await Customer(new RequestReturnCommand(orderId, "The seal was broken"), ct));
            if (target == OrderStatus.ReturnRequested) return;
            Check(await Support(new MarkOrderReturnedCommand(orderId, "Received back in the warehouse"), ct));
        }

        private async Task<Order> ReadAsync(int id, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AppDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        }

        private async Task<int> ShipmentIdAsync(int orderId, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AppDbContext>().Shipments
                .Where(s => s.OrderId == orderId).Select(s => s.Id).SingleAsync(ct);
        }

        private async Task<Result<T>> SendAs<T>(ICommand<Result<T>> command, Claim[] claims, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
            var previous = accessor.HttpContext;
            accessor.HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity(claims, "demo-seed")), RequestServices = scope.ServiceProvider,
            };
            try
            {
                return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
            }
            finally
            {
                accessor.HttpContext = previous;
            }
        }

        private static T Check<T>(Result<T> result) => result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException("Demo seed step failed: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Message)));
    }
}

/// <summary>The demo accounts the order history is made with (configured in <c>appsettings.Development.json</c>).</summary>
public static class DemoAccounts
{
    public const string Customer = "asha@example.in";

    public const string Support = "support@connectingner.example";
}

public static class DatabaseSetup
{
    /// <summary>Migrations, identity clients and roles; when asked, the demo catalog, accounts and order history too.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seed, CancellationToken ct)
    {
        await services.MigrateDatabaseAsync(seed, ct);
        if (seed) await services.SeedDemoOrdersAsync(DemoAccounts.Customer, DemoAccounts.Support, ct);
    }
}
