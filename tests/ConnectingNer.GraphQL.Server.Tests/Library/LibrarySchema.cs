using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Library;

public sealed class GenreType : EnumerationGraphType<Genre>
{
    public GenreType() => Name = "Genre";
}

public sealed class GenreOperationFilterInputType() : EnumOperationFilterInputType<GenreType>("GenreOperationFilterInput");

public sealed class ShelfType : ObjectGraphType<Shelf>
{
    public ShelfType()
    {
        Name = "Shelf";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Projects("Id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field(s => s.Name);
        Field<BooksConnectionType>("books")
            .Argument<BookFilterInputType>("where")
            .Sorting<Shelf, object, BookSortInputType>()
            .PagingArguments()
            .Resolve(ctx => ctx.LoadConnection(ctx.Source.Id,
                ct => ValueTask.FromResult<IQueryable<Book>>(ctx.RequestServices!.GetRequiredService<LibraryDb>().Books.AsNoTracking()),
                b => b.ShelfId, b => b.Id));
    }
}

public sealed class BookType : ObjectGraphType<Book>
{
    public const string TypeName = "Book";

    public BookType()
    {
        Name = TypeName;
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Projects("Id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(b => b.Title);
        Field(b => b.Subtitle, nullable: true);
        Field(b => b.Pages);
        Field<NonNullGraphType<StringGraphType>>("price").Projects(nameof(Book.PriceCents))
            .Resolve(ctx => $"{ctx.Source.PriceCents / 100}.{ctx.Source.PriceCents % 100:00}");
        Field(b => b.Rating);
        Field(b => b.PublishedAt);
        Field(b => b.InPrint);
        Field<NonNullGraphType<GenreType>>("genre").Resolve(ctx => ctx.Source.Genre);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(ctx => ctx.Source.Tags);
        Field<ShelfType>("shelf").Resolve(ctx => ctx.Source.Shelf);
        Field<StringGraphType>("secretNote").Description("Librarians only.").AuthorizeWithPolicy("librarian")
            .Resolve(ctx => "note on " + ctx.Source.Title);
        Field<StringGraphType>("staffNote").Description("Staff or archivists.").AuthorizeWithRoles("staff", "archivist")
            .Resolve(ctx => "staff note");
        Field<StringGraphType>("openNote").AllowAnonymous().Resolve(_ => "open");
        // Reads the key without declaring it: projections always read the key member.
        Field<NonNullGraphType<StringGraphType>>("idText").Resolve(ctx => ctx.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A type that is guarded as a whole: every field needs the librarian policy (a field's AllowAnonymous does not reopen it).</summary>
public sealed class VaultType : ObjectGraphType<Shelf>
{
    public VaultType()
    {
        Name = "Vault";
        this.AuthorizeWithPolicy("librarian");
        Field<StringGraphType>("contents").Resolve(ctx => "the contents of " + ctx.Source.Name);
        Field<StringGraphType>("sign").AllowAnonymous().Resolve(_ => "Vault");
    }
}

public sealed class BooksConnectionType() : ConnectionGraphType<BookType, Book>("BooksConnection", "A book.");

public sealed class ShelfFilterInputType : FilterInputGraphType<Shelf>
{
    public ShelfFilterInputType() : base("ShelfFilterInput", "Conditions on shelves.") => Filter("name", s => s.Name, "The name.");
}

public sealed class BookFilterInputType : FilterInputGraphType<Book>
{
    public BookFilterInputType() : base("BookFilterInput", "Conditions on books.")
    {
        Filter("id", b => b.Id, "The key.");
        Filter("title", b => b.Title, "The title.");
        Filter("subtitle", b => b.Subtitle, "The subtitle.");
        Filter("pages", b => b.Pages, "Pages.");
        Filter("priceCents", b => b.PriceCents, "Price.");
        Filter("rating", b => b.Rating, "Rating.");
        Filter("publishedAt", b => b.PublishedAt, "Published.");
        Filter("inPrint", b => b.InPrint, "In print.");
        FilterEnum<Genre, GenreOperationFilterInputType>("genre", b => b.Genre, "Genre.");
        FilterList("tags", b => b.Tags, "Tags.");
        FilterObject<Shelf, ShelfFilterInputType>("shelf", b => b.Shelf, "The shelf.");
    }
}

public sealed class ShelfSortInputType : SortInputGraphType<Shelf>
{
    public ShelfSortInputType() : base("ShelfSortInput", "Shelf keys.") => Sort("name", s => s.Name, "By name.");
}

public sealed class BookSortInputType : SortInputGraphType<Book>
{
    public BookSortInputType() : base("BookSortInput", "Book keys.")
    {
        Sort("title", b => b.Title, "By title.");
        Sort("pages", b => b.Pages, "By pages.");
        Sort("priceCents", b => b.PriceCents, "By price.");
        Sort("rating", b => b.Rating, "By rating.");
        Sort("publishedAt", b => b.PublishedAt, "By date.");
        Sort("id", b => b.Id, "By key.");
        SortObject<Shelf, ShelfSortInputType>("shelf", b => b.Shelf, "By shelf.");
    }
}

public sealed class LibraryQuery : ObjectGraphType
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((Expression<Func<Book, DateTimeOffset>>)(b => b.PublishedAt), Descending: true)];

    public LibraryQuery()
    {
        Name = "Query";
        NodeResolvers.AddFieldsTo(this);
        Field<BooksConnectionType>("books")
            .DataFeatures<object?, object, BookFilterInputType, BookSortInputType>()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(Db(ctx).Books.AsNoTracking(), b => b.Id));
        Field<BooksConnectionType>("newestBooks")
            .DataFeatures<object?, object, BookFilterInputType, BookSortInputType>()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(Db(ctx).Books.AsNoTracking(), b => b.Id, NewestFirst));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShelfType>>>>("shelves")
            .ResolveAsync(async ctx => await Db(ctx).Shelves.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ctx.CancellationToken));
        Field<BookType>("book").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeInt(ctx.GetArgument<string>("id"), BookType.TypeName, out var id)
                ? await Db(ctx).Books.AsNoTracking().Include(b => b.Shelf).FirstOrDefaultAsync(b => b.Id == id, ctx.CancellationToken)
                : throw new CodedError(ErrorCodes.InvalidId, "Not a book id."));
        Field<StringGraphType>("fail").Resolve(_ => throw new InvalidOperationException("secret internals"));
        Field<StringGraphType>("slow").Argument<IntGraphType>("ms").ResolveAsync(async ctx =>
        {
            await Task.Delay(ctx.GetArgument("ms", 0), ctx.CancellationToken);
            return "done";
        });
        Field<StringGraphType>("echo").Argument<StringGraphType>("text").Resolve(ctx => ctx.GetArgument<string?>("text"));
        Field<StringGraphType>("whoAmI").Authorize().Resolve(ctx => ctx.User?.Identity?.Name);
        Field<VaultType>("vault").Resolve(_ => new Shelf { Id = 0, Name = "vault" });
    }

    private static LibraryDb Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<LibraryDb>();
}

public sealed class LibraryMutation : ObjectGraphType
{
    public LibraryMutation()
    {
        Name = "Mutation";
        Field<StringGraphType>("touch").Argument<StringGraphType>("text").Resolve(ctx => "touched " + ctx.GetArgument<string?>("text"));
    }
}

public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services, LibraryQuery query, LibraryMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
    }

    /// <summary>How <c>node</c> fetches books and shelves.</summary>
    public static NodeResolvers Nodes() => new NodeResolvers()
        .Register(BookType.TypeName, async (IResolveFieldContext ctx, IReadOnlyList<int> ids) =>
            (await ctx.RequestServices!.GetRequiredService<LibraryDb>().Books.AsNoTracking().Where(b => ids.Contains(b.Id))
                .ToListAsync(ctx.CancellationToken)).ToDictionary(b => b.Id, b => (object)b))
        .Register("Shelf", async (IResolveFieldContext ctx, IReadOnlyList<int> ids) =>
            (await ctx.RequestServices!.GetRequiredService<LibraryDb>().Shelves.AsNoTracking().Where(s => ids.Contains(s.Id))
                .ToListAsync(ctx.CancellationToken)).ToDictionary(s => s.Id, s => (object)s))
        .Register("Ticket", (IResolveFieldContext _, IReadOnlyList<Guid> ids) =>
            Task.FromResult<IReadOnlyDictionary<Guid, object>>(ids.Where(id => id == TicketId).ToDictionary(id => id, id => (object)new Shelf { Id = 99, Name = "ticket " + id })));

    public static readonly Guid TicketId = Guid.Parse("7d7d7d7d-1111-2222-3333-444444444444");
}
