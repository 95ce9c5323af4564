using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// The Data Protection key ring's own context: one table, <c>data_protection_keys</c> (created and migrated by
/// <c>AppDbContext</c>, which maps it too). The key ring is loaded while the host starts, before it serves; a one-table
/// model builds in milliseconds where the whole model takes about a second, so start-up no longer waits for it.
/// </summary>
public sealed class DataProtectionKeyStore(DbContextOptions<DataProtectionKeyStore> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
}
