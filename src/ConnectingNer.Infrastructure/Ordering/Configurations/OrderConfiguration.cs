using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Ordering.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public const string OrderIdSequence = "order_ids";

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders", t => t.HasCheckConstraint("ck_orders_total_not_negative", "total_paise >= 0"));
        // Ids from a sequence in blocks (hi/lo) rather than an identity column: the order's id is known before it is
        // inserted, so the order, its lines and its history go to the database in one batch, not two (the lines need the
        // id). Ids are internal and may skip; the gapless thing is the order's number.
        builder.Property(o => o.Id).UseHiLo(OrderIdSequence);
        builder.Property(o => o.Number).HasMaxLength(48).IsRequired();
        builder.Property(o => o.FinancialYear).HasMaxLength(7).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PurchaseOrderNumber).HasMaxLength(Order.PurchaseOrderNumberMaxLength);
        builder.Property(o => o.BuyerGstin).HasMaxLength(15);
        builder.Property(o => o.PlaceOfSupply).HasMaxLength(100);
        builder.Property(o => o.InvoiceNumber).HasMaxLength(48);
        builder.HasIndex(o => o.InvoiceNumber).IsUnique();
        builder.Property(o => o.PaymentReference).HasMaxLength(100);
        builder.Property(o => o.Version).IsRowVersion();
        // A customer's orders, newest first; the staff's list by status.
        builder.HasIndex(o => new { o.CustomerId, o.Id });
        builder.HasIndex(o => new { o.Status, o.Id });
        builder.HasIndex(o => o.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.History).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines", t => t.HasCheckConstraint("ck_order_lines_quantity", "quantity > 0"));
        builder.Property(l => l.Sku).HasMaxLength(32);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.HsnCode).HasMaxLength(8);
        builder.HasIndex(l => l.OrderId);
        builder.HasIndex(l => l.ProductId);
        builder.HasOne<ConnectingNer.Domain.Catalog.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> builder)
    {
        builder.ToTable("order_events");
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Actor).HasMaxLength(120);
        builder.Property(e => e.Note).HasMaxLength(OrderEvent.NoteMaxLength);
        builder.HasIndex(e => e.OrderId);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("shipments");
        builder.Property(s => s.PartnerId).HasMaxLength(100);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TrackingNumber).HasMaxLength(Shipment.TrackingNumberMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => s.OrderId).IsUnique();
        builder.HasIndex(s => new { s.PartnerId, s.Id });
        builder.HasOne<Order>().WithOne().HasForeignKey<Shipment>(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderNumberCounterConfiguration : IEntityTypeConfiguration<OrderNumberCounter>
{
    public void Configure(EntityTypeBuilder<OrderNumberCounter> builder)
    {
        builder.ToTable("order_number_counters");
        builder.HasKey(c => new { c.Series, c.FinancialYear });
        builder.Property(c => c.Series).HasMaxLength(20);
        builder.Property(c => c.FinancialYear).HasMaxLength(7);
    }
}
