using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Customers;
using ConnectingNer.GraphQL.Accounts;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers;

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
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.SubjectId.ToString()));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When the account was opened.")
            .Resolve(ctx => ctx.Source.CreatedAt);
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
    }
}

public sealed class AddressKindType : EnumerationGraphType<AddressKind>
{
    public AddressKindType()
    {
        Name = "AddressKind";
        Description = "What an address is for.";
    }
}

/// <summary>
/// A postal address: reachable only through <c>Customer.addresses</c> (policy <c>address.postal</c>). Each field carries
/// its own category as well: the courier's phone is contact data (<c>contact.phone</c>), masked for support and recorded
/// as <c>addresses.phone</c>, exactly like the customer's own phone.
/// </summary>
public sealed class AddressType : ObjectGraphType<AddressReadModel>
{
    public const string TypeName = "Address";

    public AddressType()
    {
        Name = TypeName;
        Description = "A postal address of a customer (personal data: `address.postal`; its phone is `contact.phone`).";
        Metadata[PersonalFields.CategoryMetadata] = DataCategories.AddressPostal;
        Metadata[CustomerType.SourceMetadata] = typeof(AddressReadModel);
        Metadata[PersonalFields.LedgerPrefixMetadata] = "addresses";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The address's global id.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id.ToString()));
        Field<NonNullGraphType<AddressKindType>>("kind").Description("Shipping or billing.").Resolve(ctx => ctx.Source.Kind);
        Postal("recipientName", "Who receives at this address.", a => a.RecipientName, nullable: false);
        Postal("line1", "House, street.", a => a.Line1, nullable: false);
        Postal("line2", "Locality, landmark.", a => a.Line2, nullable: true);
        Postal("city", "City or town.", a => a.City, nullable: false);
        Postal("state", "State or union territory.", a => a.State, nullable: false);
        Postal("postalCode", "PIN code (6 digits in India).", a => a.PostalCode, nullable: false);
        Postal("countryCode", "ISO 3166-1 alpha-2 country code.", a => a.CountryCode, nullable: false);
        Field<StringGraphType>("phone").Description("A phone number for the courier, E.164 (`contact.phone`).")
            .Classified(DataCategories.ContactPhone)
            .Resolve(ctx => ctx.Reveal(ctx.Source.SubjectId, DataCategories.ContactPhone, ctx.Source.Phone, Masks.Phone));
        Field(a => a.IsDefault).Description("The default address of its kind.");
    }

    // The address's postal fields: the whole address was disclosed (and recorded) by `Customer.addresses`; the policy on
    // each field keeps them closed should the type ever be reached another way.
    private void Postal(string name, string description, Func<AddressReadModel, string?> read, bool nullable)
    {
        var field = nullable
            ? Field<StringGraphType>(name).Resolve(ctx => read(ctx.Source))
            : Field<NonNullGraphType<StringGraphType>>(name).Resolve(ctx => read(ctx.Source));
        field.Description(description).Classified(DataCategories.AddressPostal);
    }
}
