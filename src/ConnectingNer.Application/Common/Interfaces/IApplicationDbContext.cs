using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConnectingNer.Application.Common.Interfaces;

/// <summary>The unit of work the use cases see. Infrastructure maps it to PostgreSQL.</summary>
public interface IApplicationDbContext
{
    DbSet<Category> Categories { get; }

    DbSet<Product> Products { get; }

    DbSet<ProductSalesDay> ProductSales { get; }

    DbSet<Domain.Common.IdempotencyRecord> IdempotencyRecords { get; }

    DatabaseFacade Database { get; }

    /// <summary>Saves; a unique index violation surfaces as <see cref="Exceptions.UniqueConstraintException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
