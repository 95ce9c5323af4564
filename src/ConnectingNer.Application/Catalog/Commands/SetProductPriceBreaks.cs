using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Commands;

/// <summary>Replaces a product's quantity price breaks (an empty list removes them). The answer is the product's id.</summary>
[Authorize(Policies.CatalogWrite)]
public sealed record SetProductPriceBreaksCommand(int ProductId, IReadOnlyList<(int MinQuantity, long UnitPricePaise)> Breaks) : ICommand<Result<int>>;

public sealed class SetProductPriceBreaksCommandHandler(IApplicationDbContext db) : ICommandHandler<SetProductPriceBreaksCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SetProductPriceBreaksCommand command, CancellationToken cancellationToken)
    {
        var price = await db.Products.Where(p => p.Id == command.ProductId).Select(p => (long?)p.PricePaise).SingleOrDefaultAsync(cancellationToken);
        if (price is null) return CatalogErrors.ProductNotFound("productId");
        var valid = PriceBreak.Validate(price.Value, command.Breaks);
        if (!valid.IsSuccess) return Result<int>.FromErrors(valid.Errors);
        await db.PriceBreaks.Where(b => b.ProductId == command.ProductId).ExecuteDeleteAsync(cancellationToken);
        db.PriceBreaks.AddRange(command.Breaks.Select(b => new PriceBreak(command.ProductId, b.MinQuantity, b.UnitPricePaise)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(command.ProductId);
    }
}
