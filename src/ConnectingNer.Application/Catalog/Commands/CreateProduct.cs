using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Commands;

/// <summary>Adds a product to the catalog. Retried with its idempotency key it answers as the first time; the SKU is unique anyway.</summary>
[Authorize(Policies.CatalogWrite)]
public sealed record CreateProductCommand(
    string Sku, string Name, string Description, long PricePaise, int Stock, int CategoryId, string? IdempotencyKey = null)
    : ICommand<Result<ProductReadModel>>, IIdempotentCommand;

public sealed class CreateProductCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, Result<ProductReadModel>>
{
    public async ValueTask<Result<ProductReadModel>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == command.CategoryId, cancellationToken))
            return CatalogErrors.CategoryNotFound();

        var created = Product.Create(command.Sku, command.Name, command.Description, command.PricePaise,
            command.Stock, command.CategoryId, clock.GetUtcNow());
        if (!created.IsSuccess) return Result<ProductReadModel>.FromErrors(created.Errors);

        var product = created.Value;
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku, cancellationToken))
            return CatalogErrors.DuplicateSku(product.Sku);

        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // Lost a race with a concurrent create of the same SKU.
            return CatalogErrors.DuplicateSku(product.Sku);
        }

        return await CatalogReads.ProductAsync(db, product.Id, cancellationToken);
    }
}
