using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Customers;

/// <summary>The customer's own profile (<c>me</c> and its mutations) and the staff's customer lookups.</summary>
public static class CustomerFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<CustomerType>("me")
            .Description("The signed-in customer; null for a partner's token. Needs a signed-in caller.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new GetMyCustomerIdQuery(), ctx.CancellationToken) is { } id
                ? new CustomerIndexRow { SubjectId = id }
                : null);

        query.Field<CustomerType>("customer")
            .Description("A customer by global id, for support staff and the privacy officer; personal fields as their role allows.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The customer's global id.")
            .AuthorizeWithPolicy(Policies.CustomerLookup)
            .ResolveAsync(async ctx =>
            {
                var found = GlobalId.TryDecode(ctx.GetArgument<string>("id"), out var type, out var key) && type == CustomerType.TypeName
                    && Guid.TryParseExact(key, "D", out var id)
                    ? (await ctx.Sender().Send(new FindCustomerRowsQuery([id]), ctx.CancellationToken)).GetValueOrDefault(id)
                    : null;
                return found ?? throw new Server.Errors.CodedError(Server.Errors.ErrorCodes.NotFound, "No customer has this id.");
            });

        query.Field<CustomersConnectionType>("customers")
            .Description("Customers, newest first unless ordered otherwise, for support staff and the privacy officer. Personal data is "
                + "encrypted, so lists filter on account facts only; `email` finds one customer by exact address.")
            .Argument<StringGraphType>("email", "An exact email address (any letter case).")
            .DataFeatures<object?, object, CustomerFilterInputType, CustomerSortInputType>()
            .AuthorizeWithPolicy(Policies.CustomerLookup)
            .ResolveAsync(async ctx =>
            {
                var rows = await ctx.Sender().Send(new ListCustomersQuery(ctx.GetArgument<string?>("email")), ctx.CancellationToken);
                return await ctx.ToConnectionAsync(rows, r => r.Id, NewestFirst);
            });
    }

    public static void AddDisclosureQueries(ObjectGraphType query)
    {
        query.Field<DataDisclosuresConnectionType>("myDataDisclosures")
            .Description("Who was shown your personal data, when, why and what: newest first. Needs a signed-in customer.")
            .PagingArguments()
            .Authorize()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListMyDisclosuresQuery(), ctx.CancellationToken), d => d.Id, NewestDisclosuresFirst));

        query.Field<AuditEventsConnectionType>("auditEvents")
            .Description("Every recorded disclosure of personal data, for the privacy officer; `customerId` narrows it to one customer.")
            .Argument<IdGraphType>("customerId", "A customer's global id.")
            .DataFeatures<object?, object, AuditEventFilterInputType, AuditEventSortInputType>()
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx =>
            {
                Guid? customer = null;
                if (ctx.GetArgument<string?>("customerId") is { } value)
                {
                    if (!GlobalId.TryDecode(value, out var type, out var key) || type != CustomerType.TypeName || !Guid.TryParseExact(key, "D", out var id))
                        throw new Server.Errors.CodedError(Server.Errors.ErrorCodes.InvalidId, "'customerId' is not a valid Customer id.");
                    customer = id;
                }

                return await ctx.ToConnectionAsync(
                    await ctx.Sender().Send(new ListAuditEventsQuery(customer), ctx.CancellationToken), d => d.Id, NewestDisclosuresFirst);
            });
    }

    private static readonly IReadOnlyList<Server.Data.Sorting.SortKey> NewestDisclosuresFirst =
        [new Server.Data.Sorting.SortKey((System.Linq.Expressions.Expression<Func<DisclosureReadModel, int>>)(d => d.Id), Descending: true)];

    private static readonly IReadOnlyList<Server.Data.Sorting.SortKey> NewestFirst =
        [new Server.Data.Sorting.SortKey((System.Linq.Expressions.Expression<Func<CustomerIndexRow, int>>)(r => r.Id), Descending: true)];

    public static NodeResolvers RegisterNodes(NodeResolvers nodes) => nodes
        .Register(CustomerType.TypeName, async (IResolveFieldContext ctx, IReadOnlyList<Guid> ids) =>
        {
            // Object-level authorization: a customer reaches only themselves; staff who look customers up reach anyone.
            var access = ctx.RequestServices!.GetRequiredService<IPersonalDataAccess>();
            var staff = (await ctx.RequestServices!.GetRequiredService<ICurrentUser>().SatisfiesAsync(Policies.CustomerLookup, ctx.CancellationToken));
            var visible = ids.Where(id => staff || access.IsSubject(id)).ToList();
            return (await ctx.Sender().Send(new FindCustomerRowsQuery(visible), ctx.CancellationToken)).ToDictionary(p => p.Key, p => (object)p.Value);
        });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<UpdateMyProfilePayloadType>("updateMyProfile")
            .Description("Changes your name, phone, birth date or legal-age affirmation.")
            .Argument<NonNullGraphType<UpdateMyProfileInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<UpdateMyProfileInput>("input");
                return Answer(await ctx.Sender().Send(new UpdateMyProfileCommand(i.Name, i.Phone, i.BirthDate, i.AffirmLegalAge, i.GuardianName),
                    ctx.CancellationToken));
            });

        mutation.Field<AddMyAddressPayloadType>("addMyAddress")
            .Description($"Adds an address (at most {Domain.Customers.Customer.MaxAddresses}). Send an `idempotencyKey` to retry safely.")
            .Argument<NonNullGraphType<AddMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<AddMyAddressInput>("input");
                return Answer(await ctx.Sender().Send(new AddMyAddressCommand(i.ToInput(), i.IdempotencyKey), ctx.CancellationToken));
            });

        mutation.Field<UpdateMyAddressPayloadType>("updateMyAddress")
            .Description("Replaces one of your addresses.")
            .Argument<NonNullGraphType<UpdateMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<UpdateMyAddressInput>("input");
                if (!TryAddressId(i.Id, out var id)) return InvalidAddressId();
                return Answer(await ctx.Sender().Send(new UpdateMyAddressCommand(id, i.ToInput()), ctx.CancellationToken));
            });

        mutation.Field<RemoveMyAddressPayloadType>("removeMyAddress")
            .Description("Removes one of your addresses; the next of its kind becomes the default.")
            .Argument<NonNullGraphType<RemoveMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                if (!TryAddressId(ctx.GetArgument<RemoveMyAddressInput>("input").Id, out var id)) return InvalidAddressId();
                return Answer(await ctx.Sender().Send(new RemoveMyAddressCommand(id), ctx.CancellationToken));
            });
    }

    private static bool TryAddressId(string value, out Guid id)
    {
        id = Guid.Empty;
        return GlobalId.TryDecode(value, out var type, out var key) && type == AddressType.TypeName && Guid.TryParseExact(key, "D", out id);
    }

    private static Payload<CustomerIndexRow> InvalidAddressId() =>
        Payload<CustomerIndexRow>.Failure(new Error("node.invalid_id", "'id' is not a valid Address id.", "id"));

    /// <summary>A mutation's answer about the caller's customer: the customer (read back through the loaders) or the errors.</summary>
    internal static Payload<CustomerIndexRow> Answer(Result<Guid> result) =>
        result.IsSuccess ? new Payload<CustomerIndexRow>(new CustomerIndexRow { SubjectId = result.Value }, []) : new Payload<CustomerIndexRow>(null, result.Errors);
}
