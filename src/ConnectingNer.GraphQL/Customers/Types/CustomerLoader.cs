using ConnectingNer.Application.Consent.Queries;
using ConnectingNer.Application.Customers.Queries;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Consent;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Data.Loading;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Customers.Types;

/// <summary>
/// Reads a customer's personal fields: <see cref="Disclose{T}"/> loads the customer with every other customer of the
/// level in one batch, then reveals the value as the caller's grant allows (see <see cref="PersonalFields"/>).
/// </summary>
public static class CustomerLoader
{
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

    /// <summary>The customer's consent now, loaded for all rows of the level at once (and once for both consent fields).</summary>
    public static IDataLoaderResult<ConsentState?> LoadConsents(this IResolveFieldContext context, Guid subjectId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(ConsentState), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<Guid, ConsentState?>(async (ids, ct) =>
                (await sender.Send(new LoadCustomerConsentsQuery(ids), ct)).ToDictionary(p => p.Key, p => (ConsentState?)p.Value), null);
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
}
