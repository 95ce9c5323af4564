using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Privacy.Configurations;

internal sealed class CustomerKeyConfiguration : IEntityTypeConfiguration<CustomerKey>
{
    public void Configure(EntityTypeBuilder<CustomerKey> key)
    {
        key.ToTable("customer_keys");
        key.HasKey(k => k.CustomerId);
        key.Property(k => k.MasterKeyId).HasMaxLength(64);
        // No foreign key to customers: destroying a key must not touch the (then unreadable) profile row.
        key.HasIndex(k => k.MasterKeyId);
    }
}
