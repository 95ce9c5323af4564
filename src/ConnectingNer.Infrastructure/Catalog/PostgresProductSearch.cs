using ConnectingNer.Application.Catalog;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Catalog;

/// <summary>
/// PostgreSQL search: full text (English stems and plain words, so transliterated names match as typed) ranked by
/// ts_rank, or, for typos, pg_trgm word similarity on the name. Both are index-backed (GIN).
/// </summary>
public sealed class PostgresProductSearch(AppDbContext db) : IProductSearch
{
    public IQueryable<ProductSearchHit> Search(string text) =>
        db.Set<ProductSearchHit>().FromSqlInterpolated($"""
            SELECT p.id AS product_id,
                   (ts_rank(p.search_vector, q.query) + word_similarity({text}, p.name))::double precision AS rank
            FROM products p,
                 LATERAL (SELECT websearch_to_tsquery('english', {text}) || websearch_to_tsquery('simple', {text}) AS query) q
            WHERE p.search_vector @@ q.query OR {text} <% p.name
            """);
}
