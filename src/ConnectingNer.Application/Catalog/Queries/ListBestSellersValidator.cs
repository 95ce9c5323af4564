using FluentValidation;

namespace ConnectingNer.Application.Catalog.Queries;

public sealed class ListBestSellersQueryValidator : AbstractValidator<ListBestSellersQuery>
{
    public ListBestSellersQueryValidator() =>
        RuleFor(q => q.First).InclusiveBetween(1, 50).WithErrorCode("best_sellers.first_out_of_range")
            .WithMessage("'first' is between 1 and 50.");
}
