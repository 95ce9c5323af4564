using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.GraphQL.Accounts.Types;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Consent.Types;
using ConnectingNer.GraphQL.Ordering.Types;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Loading;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers.Types;

/// <summary>
/// A customer. Every personal field is guarded by its data category's policy, judged against this customer: the
/// customer sees all of it, staff what their role's grant allows (maybe masked), anyone else gets null and an error.
/// </summary>
public sealed class CustomerType : ObjectGraphType<CustomerIndexRow>
{
    public const string TypeName = "Customer";

    /// <summary>The read model whose classified properties this type exposes (the schema test checks each has its policy).</summary>
    public const string SourceMetadata = "pii:source";

    public CustomerType()
    {
        Name = TypeName;
        Description = "A customer. Personal fields are null, with an `AUTH_NOT_AUTHORIZED` error, for anyone the privacy policy does not allow; "
            + "each one shown to someone other than the customer is recorded (see `myDataDisclosures`).";
        Interface<NodeInterfaceType>();
        Metadata[SourceMetadata] = typeof(CustomerReadModel);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The customer's global id.")
            .Projects(nameof(CustomerIndexRow.SubjectId))
            .ResolveFromSource(source => GlobalId.Encode(TypeName, source.SubjectId.ToString()));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When the account was opened.")
            .ResolveFromSource(source => source.CreatedAt);
        Field<StringGraphType>("email").Description("The address the customer signs in with (`contact.email`).")
            .Classified(DataCategories.ContactEmail).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.ContactEmail, c => c.Email, Masks.Email));
        Field<BooleanGraphType>("emailConfirmed").Description("True once the address was confirmed (`contact.email`).")
            .Classified(DataCategories.ContactEmail).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.ContactEmail, c => (bool?)c.EmailConfirmed));
        Field<StringGraphType>("name").Description("How the customer wants to be addressed (`identity.name`).")
            .Classified(DataCategories.IdentityName).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.IdentityName, c => c.Name));
        Field<StringGraphType>("phone").Description("Phone number in E.164 form (`contact.phone`).")
            .Classified(DataCategories.ContactPhone).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.ContactPhone, c => c.Phone, Masks.Phone));
        Field<DateOnlyGraphType>("birthDate").Description("Date of birth, if given (`identity.birthdate`).")
            .Classified(DataCategories.IdentityBirthDate).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.IdentityBirthDate, c => c.BirthDate));
        Field<BooleanGraphType>("legalAgeAffirmed").Description("The customer affirmed being 18 or older instead of giving a birth date (`identity.birthdate`).")
            .Classified(DataCategories.IdentityBirthDate).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.IdentityBirthDate, c => (bool?)c.LegalAgeAffirmed));
        Field<StringGraphType>("guardianName").Description("For a minor: the guardian whose consent is on record (`identity.birthdate`).")
            .Classified(DataCategories.IdentityBirthDate).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.IdentityBirthDate, c => c.GuardianName));
        Field<ListGraphType<NonNullGraphType<AddressType>>>("addresses").Description("Shipping and billing addresses (`address.postal`).")
            .Classified(DataCategories.AddressPostal).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.AddressPostal, c => c.Addresses));
        Field<BooleanGraphType>("hasPassword").Description("False for accounts that only sign in with Google or Facebook (`account.logins`).")
            .Classified(DataCategories.AccountLogins).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.AccountLogins, c => (bool?)c.HasPassword));
        Field<ListGraphType<NonNullGraphType<ExternalLoginType>>>("externalLogins").Description("Social logins linked to the account (`account.logins`).")
            .Classified(DataCategories.AccountLogins).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.Disclose(DataCategories.AccountLogins, c => c.ExternalLogins));
        Field<ListGraphType<NonNullGraphType<ConsentType>>>("consents")
            .Description("Consent now, one entry per purpose (`consent`: the customer and the privacy officer).")
            .Classified(DataCategories.Consent).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.LoadConsents(ctx.Source.SubjectId)
                .Then(state => ctx.Reveal(ctx.Source.SubjectId, DataCategories.Consent, state?.Decisions)));
        Field<BooleanGraphType>("consentReviewRequired")
            .Description("True when the privacy policy changed materially since the customer granted a purpose: it does not hold until they "
                + "accept the current policy (`acceptPrivacyPolicy`) (`consent`).")
            .Classified(DataCategories.Consent).Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.LoadConsents(ctx.Source.SubjectId)
                .Then(state => ctx.Reveal(ctx.Source.SubjectId, DataCategories.Consent, state?.ReviewRequired)));
        Field<OrdersConnectionType>("orders")
            .Description("The customer's orders (first page only; the customer with `orders:read`, or staff who run orders), loaded for every "
                + "customer of a list at once.")
            .DataFeatures<CustomerIndexRow, object, OrderFilterInputType, OrderSortInputType>()
            .Projects(nameof(CustomerIndexRow.SubjectId))
            .Resolve(ctx => ctx.LoadConnection(ctx.Source.SubjectId,
                ct => ctx.Sender().Send(new ListCustomerOrdersQuery(), ct), o => o.CustomerId, o => o.Id));
    }
}
