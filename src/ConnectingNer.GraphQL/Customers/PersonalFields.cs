using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data.Loading;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Customers;

/// <summary>
/// How a personal field is declared and read: <see cref="Classified{TSource, TReturn}"/> puts the category's policy on
/// the field (checked against the customer before the resolver runs); <see cref="Disclose{T}"/> loads the customer
/// with every other customer of the level in one batch, masks the value when the caller's grant is masked, and
/// records the disclosure unless the caller is the customer.
/// </summary>
public static class PersonalFields
{
    public const string CategoryMetadata = "pii:category";

    public const string AlwaysMaskedMetadata = "pii:always-masked";

    /// <summary>
    /// A contact value that every caller gets masked (an echo of what an anonymous caller typed, say): nobody is shown
    /// the clear value through this field, so there is no disclosure to guard or record.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> AlwaysMasked<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string category) =>
        field.WithMetadata(AlwaysMaskedMetadata, category);

    public static FieldBuilder<TSource, TReturn> Classified<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string category) =>
        field.AuthorizeWithPolicy(DataCategories.Policy(category)).WithMetadata(CategoryMetadata, category);

    /// <summary>The customer behind a row, loaded for all rows of the level at once.</summary>
    public static IDataLoaderResult<CustomerReadModel?> LoadCustomer(this IResolveFieldContext context, Guid subjectId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(CustomerReadModel), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<Guid, CustomerReadModel?>(async (ids, ct) =>
                (await sender.Send(new LoadCustomersQuery(ids), ct)).ToDictionary(p => p.Key, p => (CustomerReadModel?)p.Value), null);
        });
        return loader.Load(subjectId);
    }

    public static IDataLoaderResult<T?> Disclose<T>(this IResolveFieldContext<CustomerIndexRow> context, string category,
        Func<CustomerReadModel, T?> read, Func<T, T>? mask = null)
    {
        var subject = context.Source.SubjectId;
        var level = context.RequestServices!.GetRequiredService<IPersonalDataAccess>().For(category, subject);
        return context.LoadCustomer(subject).Then(customer =>
            customer is null || level == DataAccess.None ? default : context.Reveal(subject, category, read(customer), mask));
    }

    /// <summary>
    /// A personal value of a subject as the caller may see it: nothing without a grant, masked under a masked grant,
    /// and recorded in the ledger (as the field's path below its customer) unless the caller is the subject.
    /// </summary>
    public static T? Reveal<T>(this IResolveFieldContext context, Guid subject, string category, T? value, Func<T, T>? mask = null)
    {
        var services = context.RequestServices!;
        var access = services.GetRequiredService<IPersonalDataAccess>();
        var level = access.For(category, subject);
        if (level == DataAccess.None) return default;
        var masked = level == DataAccess.Masked && mask is not null;
        if (!access.IsSubject(subject)) services.GetRequiredService<IDisclosureLedger>().Record(subject, category, LedgerField(context), masked);
        return masked && value is not null ? mask!(value) : value;
    }

    /// <summary>The field as the ledger names it: <c>phone</c> on a customer, <c>addresses.phone</c> on a type reached through one.</summary>
    private static string LedgerField(IResolveFieldContext context) =>
        context.ParentType.GetMetadata<string?>(LedgerPrefixMetadata) is { } prefix
            ? prefix + "." + context.FieldDefinition.Name
            : context.FieldDefinition.Name;

    /// <summary>On a type below a customer: the customer field that leads to it, so its fields are recorded by their path.</summary>
    public const string LedgerPrefixMetadata = "pii:ledger-prefix";
}
