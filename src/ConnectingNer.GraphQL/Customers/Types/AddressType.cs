using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Customers;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers.Types;

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
            .ResolveFromSource(source => GlobalId.Encode(TypeName, source.Id.ToString()));
        Field<NonNullGraphType<AddressKindType>>("kind").Description("Shipping or billing.").ResolveFromSource(source => source.Kind);
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
            ? Field<StringGraphType>(name).ResolveFromSource(read)
            : Field<NonNullGraphType<StringGraphType>>(name).ResolveFromSource(read);
        field.Description(description).Classified(DataCategories.AddressPostal);
    }
}
