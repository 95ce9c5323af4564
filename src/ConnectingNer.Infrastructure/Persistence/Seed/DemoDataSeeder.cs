using ConnectingNer.Application.Catalog;
using ConnectingNer.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Persistence.Seed;

/// <summary>
/// Deterministic, idempotent demo data: the same categories and products every time, added only when missing
/// (matched by slug and SKU), so running it twice changes nothing.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const int ProductsPerItem = 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existingSlugs = await db.Categories.Select(c => c.Slug).ToListAsync(cancellationToken);
        foreach (var shelf in DemoCatalog.Shelves.Where(s => !existingSlugs.Contains(s.Slug)))
            db.Categories.Add(new Category(shelf.Name, shelf.Slug, shelf.Description));
        await db.SaveChangesAsync(cancellationToken);

        var categoryIds = await db.Categories.ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var existingSkus = (await db.Products.Select(p => p.Sku).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var draft in Drafts())
        {
            if (existingSkus.Contains(draft.Sku)) continue;
            var product = Product.Create(draft.Sku, draft.Name, draft.Description, draft.PricePaise, draft.Stock,
                categoryIds[draft.Slug], now).Value;
            product.SetTags(draft.Tags, now);
            db.Products.Add(product);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo seed: {Added} products added ({Total} defined)", added, Drafts().Count());
    }

    private sealed record Draft(string Slug, string Sku, string Name, string Description, long PricePaise, int Stock, string[] Tags);

    private static string[] TagsFor(DemoCatalog.Shelf shelf, int item, int variant, string origin)
    {
        var tags = new List<string> { shelf.Slug, origin.ToLowerInvariant().Replace(' ', '-') };
        if ((item + variant) % 3 == 0) tags.Add("organic");
        if (variant is 5 or 9) tags.Add("gift");
        if (item % 4 == 0) tags.Add("gi-tagged");
        if (variant == 3) tags.Add("limited");
        return [.. tags];
    }

    /// <summary>Ten variants of each item of each shelf; prices and stock come from a fixed-seed generator.</summary>
    private static IEnumerable<Draft> Drafts()
    {
        var random = new Random(20261125);
        foreach (var shelf in DemoCatalog.Shelves)
        {
            for (var item = 0; item < shelf.Items.Length; item++)
            {
                for (var variant = 0; variant < ProductsPerItem; variant++)
                {
                    var origin = DemoCatalog.Origins[(item + variant) % DemoCatalog.Origins.Length];
                    var style = DemoCatalog.Variants[variant];
                    var rupees = random.Next(shelf.MinRupees, shelf.MaxRupees + 1);
                    var paise = rupees * 100L + (random.Next(0, 2) == 0 ? 0 : 50);
                    var stock = random.Next(0, 10) == 0 ? 0 : random.Next(1, 250);
                    yield return new Draft(
                        shelf.Slug,
                        $"{shelf.SkuPrefix}-{item + 1:D2}{variant + 1:D2}",
                        $"{shelf.Items[item]} - {style}",
                        $"{style} {shelf.Items[item].ToLowerInvariant()} from {origin}. {shelf.Description}",
                        paise,
                        stock,
                        TagsFor(shelf, item, variant, origin));
                }
            }
        }
    }
}
