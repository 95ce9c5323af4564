using FluentValidation;

namespace ConnectingNer.Application.Catalog.Queries;

public sealed class SearchProductsQueryValidator : AbstractValidator<SearchProductsQuery>
{
    public const int MaxLength = 100;

    public SearchProductsQueryValidator() =>
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= MaxLength)
            .WithErrorCode("search.query_invalid").WithMessage($"A search is 1 to {MaxLength} characters.");
}
