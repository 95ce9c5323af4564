using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>Visible products matching a text, each with its relevance, for the GraphQL layer to order and page.</summary>
public sealed record SearchProductsQuery(string Text) : IQuery<IQueryable<ProductReadModel>>;

public sealed class SearchProductsQueryHandler(IApplicationDbContext db, IProductSearch search, ICurrentUser user)
    : IQueryHandler<SearchProductsQuery, IQueryable<ProductReadModel>>
{
    public async ValueTask<IQueryable<ProductReadModel>> Handle(SearchProductsQuery query, CancellationToken cancellationToken)
    {
        var products = VisibleProducts.For(db, user);
        var withRelevance = ReadModels.ProductReadModel.FromEntityWithRelevance;
        return products
            .Join(search.Search(query.Text.Trim()), p => p.Id, h => h.ProductId, (p, h) => new Ranked { Product = p, Rank = h.Rank })
            .Select(Compose<Ranked>(withRelevance));
    }

    // (p, rank) => model  becomes  x => model(x.Product, x.Rank), so EF sees one translatable projection.
    private static System.Linq.Expressions.Expression<Func<T, ProductReadModel>> Compose<T>(
        System.Linq.Expressions.Expression<Func<Domain.Catalog.Product, double, ProductReadModel>> projection)
    {
        var x = System.Linq.Expressions.Expression.Parameter(typeof(T), "x");
        var body = new Replace(projection.Parameters[0], System.Linq.Expressions.Expression.Property(x, "Product"))
            .Visit(new Replace(projection.Parameters[1], System.Linq.Expressions.Expression.Property(x, "Rank")).Visit(projection.Body));
        return System.Linq.Expressions.Expression.Lambda<Func<T, ProductReadModel>>(body, x);
    }

    private sealed class Ranked
    {
        public Domain.Catalog.Product Product { get; init; } = null!;

        public double Rank { get; init; }
    }

    private sealed class Replace(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to)
        : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) =>
            node == from ? to : node;
    }
}

public sealed class SearchProductsQueryValidator : AbstractValidator<SearchProductsQuery>
{
    public const int MaxLength = 100;

    public SearchProductsQueryValidator() =>
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= MaxLength)
            .WithErrorCode("search.query_invalid").WithMessage($"A search is 1 to {MaxLength} characters.");
}
