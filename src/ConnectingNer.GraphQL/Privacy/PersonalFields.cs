using ConnectingNer.Application.Privacy;
using GraphQL;
using GraphQL.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Privacy;

/// <summary>
/// How a personal field is declared and read: <see cref="Classified{TSource, TReturn}"/> puts the category's policy on
/// the field (checked against the subject before the resolver runs); <see cref="Reveal{T}"/> masks the value when the
/// caller's grant is masked and records the disclosure unless the caller is the subject.
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
