using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Commands;

/// <summary>Changes a product's details; null members stay as they are. The SKU never changes.</summary>
[Authorize(Policies.CatalogWrite)]
public sealed record UpdateProductCommand(
    int Id, string? Name, string? Description, long? PricePaise, int? CategoryId, bool? IsActive)
    : ICommand<Result<ProductReadModel>>;

public sealed class UpdateProductCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateProductCommand, Result<ProductReadModel>>
{
    public async ValueTask<Result<ProductReadModel>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (product is null) return CatalogErrors.ProductNotFound();
        if (command.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            return CatalogErrors.CategoryNotFound();

        var updated = product.Update(command.Name, command.Description, command.PricePaise, command.CategoryId,
            command.IsActive, clock.GetUtcNow());
        if (!updated.IsSuccess) return Result<ProductReadModel>.FromErrors(updated.Errors);

        await db.SaveChangesAsync(cancellationToken);
        return await CatalogReads.ProductAsync(db, product.Id, cancellationToken);
    }
}
