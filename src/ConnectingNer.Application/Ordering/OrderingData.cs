using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering;

/// <summary>The ordering tables, as the unit of work's sets.</summary>
public static class OrderingData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<Cart> Carts => db.Set<Cart>();

        public DbSet<CartLine> CartLines => db.Set<CartLine>();

        public DbSet<Order> Orders => db.Set<Order>();

        public DbSet<OrderLine> OrderLines => db.Set<OrderLine>();

        public DbSet<Shipment> Shipments => db.Set<Shipment>();

        public DbSet<Organisation> Organisations => db.Set<Organisation>();

        public DbSet<OrganisationInvitation> OrganisationInvitations => db.Set<OrganisationInvitation>();
    }
}
