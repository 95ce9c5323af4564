using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Customers.Configurations;

internal sealed class CustomerRecordConfiguration : IEntityTypeConfiguration<CustomerRecord>
{
    public void Configure(EntityTypeBuilder<CustomerRecord> customer)
    {
        customer.ToTable("customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.Property(c => c.Number).UseIdentityAlwaysColumn();
        customer.HasIndex(c => c.Number).IsUnique();
        customer.HasIndex(c => c.CreatedAt);
        customer.HasOne<AppUser>().WithOne().HasForeignKey<CustomerRecord>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
