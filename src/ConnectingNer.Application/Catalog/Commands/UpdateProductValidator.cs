using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Catalog;
using FluentValidation;

namespace ConnectingNer.Application.Catalog.Commands;

public sealed class UpdateProductCommandValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductCommandValidator()
    {
        RuleFor(c => c.Name!).NotEmpty().WithError(CatalogErrors.NameRequired())
            .MaximumLength(Product.NameMaxLength).WithError(CatalogErrors.NameTooLong())
            .When(c => c.Name is not null);
        RuleFor(c => c.Description!).MaximumLength(Product.DescriptionMaxLength).WithError(CatalogErrors.DescriptionTooLong())
            .When(c => c.Description is not null);
        RuleFor(c => c.PricePaise!.Value).GreaterThan(0).WithError(CatalogErrors.PriceNotPositive())
            .OverridePropertyName(nameof(UpdateProductCommand.PricePaise))
            .When(c => c.PricePaise is not null);
    }
}
