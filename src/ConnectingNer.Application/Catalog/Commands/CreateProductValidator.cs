using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Catalog;
using FluentValidation;

namespace ConnectingNer.Application.Catalog.Commands;

public sealed class CreateProductCommandValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductCommandValidator()
    {
        RuleFor(c => c.Sku).NotEmpty().WithError(CatalogErrors.SkuRequired())
            .Must(s => Product.IsValidSku(s.Trim().ToUpperInvariant())).WithError(CatalogErrors.SkuInvalid())
            .When(c => !string.IsNullOrWhiteSpace(c.Sku), ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.Name).NotEmpty().WithError(CatalogErrors.NameRequired())
            .MaximumLength(Product.NameMaxLength).WithError(CatalogErrors.NameTooLong());
        RuleFor(c => c.Description).MaximumLength(Product.DescriptionMaxLength).WithError(CatalogErrors.DescriptionTooLong());
        RuleFor(c => c.PricePaise).GreaterThan(0).WithError(CatalogErrors.PriceNotPositive());
        RuleFor(c => c.Stock).GreaterThanOrEqualTo(0).WithError(CatalogErrors.StockNegative());
    }
}
