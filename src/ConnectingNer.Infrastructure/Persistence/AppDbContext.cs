using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingNer.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IApplicationDbContext
{
    /// <summary>Mapped here so migrations create the table; the key ring reads and writes it through <see cref="PostgresKeyRepository"/>.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        Identity.Configurations.IdentityTables.Configure(modelBuilder);
        // Every feature's entities come with their own configuration class, found here: this file names none of them.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, type => !Identity.Configurations.IdentityTables.Owns(type));
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            throw new UniqueConstraintException(pg.ConstraintName ?? "unknown", e);
        }
    }
}
