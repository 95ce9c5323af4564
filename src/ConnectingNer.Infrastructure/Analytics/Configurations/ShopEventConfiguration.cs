using ConnectingNer.Domain.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Analytics.Configurations;

internal sealed class ShopEventConfiguration : IEntityTypeConfiguration<ShopEvent>
{
    public void Configure(EntityTypeBuilder<ShopEvent> builder)
    {
        builder.ToTable("shop_events", t => t.HasCheckConstraint("ck_shop_events_subject", "customer_id IS NOT NULL OR device_id IS NOT NULL"));
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Query).HasMaxLength(ShopEvent.QueryMaxLength);
        builder.Property(e => e.Network).HasMaxLength(50);
        builder.Property(e => e.Browser).HasMaxLength(40);
        builder.Property(e => e.ClientId).HasMaxLength(200);
        builder.HasIndex(e => new { e.CustomerId, e.Id }).HasFilter("customer_id IS NOT NULL");
        builder.HasIndex(e => new { e.DeviceId, e.Id }).HasFilter("device_id IS NOT NULL");
        builder.HasIndex(e => e.OccurredAt);
    }
}
