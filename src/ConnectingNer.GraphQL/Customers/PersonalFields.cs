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
        var services = context.RequestServices!;
        var access = services.GetRequiredService<IPersonalDataAccess>();
        var subject = context.Source.SubjectId;
        var level = access.For(category, subject);
        var field = context.FieldDefinition.Name;
        return context.LoadCustomer(subject).Then(customer =>
        {
            if (customer is null || level == DataAccess.None) return default;
            var value = read(customer);
            var masked = level == DataAccess.Masked && mask is not null;
            if (!access.IsSubject(subject)) services.GetRequiredService<IDisclosureLedger>().Record(subject, category, field, masked);
            return masked && value is not null ? mask!(value) : value;
        });
    }
}

/// <summary>The masks staff lists show when a role's grant is masked.</summary>
public static class Masks
{
    /// <summary><c>asha.borah@gmail.com</c> → <c>a***@gmail.com</c>.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary><c>+919876543210</c> → <c>******3210</c>.</summary>
    public static string Phone(string phone) => phone.Length <= 4 ? "****" : "******" + phone[^4..];
}
