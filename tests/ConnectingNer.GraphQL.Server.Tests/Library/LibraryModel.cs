using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.GraphQL.Server.Tests.Library;

// A tiny library of its own, so the generic layer is tested without the shop: books on shelves.

public enum Genre { Fiction, Poetry, History }

public sealed class Shelf
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Book> Books { get; set; } = [];
}

public sealed class Book
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string? Subtitle { get; set; }

    public int Pages { get; set; }

    public long PriceCents { get; set; }

    public decimal Rating { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public bool InPrint { get; set; }

    public Genre Genre { get; set; }

    public string[] Tags { get; set; } = [];

    public int ShelfId { get; set; }

    public Shelf? Shelf { get; set; }
}

public sealed class LibraryDb(DbContextOptions<LibraryDb> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shelf>().ToTable("shelves");
        modelBuilder.Entity<Book>(book =>
        {
            book.ToTable("books");
            book.Property(b => b.Genre).HasConversion<string>();
            book.HasOne(b => b.Shelf).WithMany(s => s.Books).HasForeignKey(b => b.ShelfId);
        });
    }
}

/// <summary>The books every test reads (nothing writes): ids are fixed, so tests can name them.</summary>
public static class LibraryData
{
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Shelf[] Shelves() =>
    [
        new() { Id = 1, Name = "Novels" },
        new() { Id = 2, Name = "Verse" },
        new() { Id = 3, Name = "Empty shelf" },
    ];

    /// <summary>Titles exercise LIKE's special characters: a percent sign, an underscore and a backslash.</summary>
    public static Book[] Books() =>
    [
        Book(1, "Anna Karenina", null, 864, 1299, 4.5m, 0, true, Genre.Fiction, ["classic", "russian"], 1),
        Book(2, "Middlemarch", "A Study of Provincial Life", 880, 1099, 4.2m, 10, true, Genre.Fiction, ["classic"], 1),
        Book(3, "100% Poetry", null, 120, 500, 3.9m, 20, false, Genre.Poetry, ["anthology"], 2),
        Book(4, "snake_case verses", null, 64, 450, 3.1m, 30, true, Genre.Poetry, [], 2),
        Book(5, @"Back\slash Ballads", "Songs", 98, 700, 4.8m, 40, true, Genre.Poetry, ["ballads", "classic"], 2),
        Book(6, "The Histories", null, 716, 1500, 4.0m, 50, false, Genre.History, ["classic", "greek"], 1),
        Book(7, "anna's diary", null, 200, 800, 2.5m, 60, true, Genre.Fiction, ["diary"], 1),
        Book(8, "Zen and Verse", null, 300, 1299, 3.5m, 70, true, Genre.Poetry, ["zen"], 2),
    ];

    private static Book Book(int id, string title, string? subtitle, int pages, long price, decimal rating, int days, bool inPrint,
        Genre genre, string[] tags, int shelf) =>
        new()
        {
            Id = id, Title = title, Subtitle = subtitle, Pages = pages, PriceCents = price, Rating = rating,
            PublishedAt = Epoch.AddDays(days), InPrint = inPrint, Genre = genre, Tags = tags, ShelfId = shelf,
        };
}
