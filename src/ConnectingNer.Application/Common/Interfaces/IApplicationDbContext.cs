using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConnectingNer.Application.Common.Interfaces;

/// <summary>
/// The unit of work the use cases see; Infrastructure maps it to PostgreSQL. It names no entity: each feature reaches
/// its own tables through <see cref="Set{TEntity}"/> (see the feature's <c>…Data</c> extension, such as
/// <c>db.Products</c>), so a new feature adds its sets without editing this file.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<TEntity> Set<TEntity>() where TEntity : class;

    DatabaseFacade Database { get; }

    /// <summary>Saves; a unique index violation surfaces as <see cref="Exceptions.UniqueConstraintException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
