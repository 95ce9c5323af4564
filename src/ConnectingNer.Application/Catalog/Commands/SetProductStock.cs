using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Commands;

/// <summary>Sets the stock on hand after a count. Setting the same number twice is harmless.</summary>
[Authorize(Policies.CatalogWrite)]
public sealed record SetProductStockCommand(int Id, int Stock) : ICommand<Result<ProductReadModel>>;

public sealed class SetProductStockCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<SetProductStockCommand, Result<ProductReadModel>>
{
    public async ValueTask<Result<ProductReadModel>> Handle(SetProductStockCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (product is null) return CatalogErrors.ProductNotFound();

        var set = product.SetStock(command.Stock, clock.GetUtcNow());
        if (!set.IsSuccess) return Result<ProductReadModel>.FromErrors(set.Errors);

        await db.SaveChangesAsync(cancellationToken);
        return await CatalogReads.ProductAsync(db, product.Id, cancellationToken);
    }
}
