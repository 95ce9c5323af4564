using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Catalog;
using FluentValidation;

namespace ConnectingNer.Application.Catalog.Commands;

public sealed class SetProductStockCommandValidator : AbstractValidator<SetProductStockCommand>
{
    public SetProductStockCommandValidator() =>
        RuleFor(c => c.Stock).GreaterThanOrEqualTo(0).WithError(CatalogErrors.StockNegative());
}
