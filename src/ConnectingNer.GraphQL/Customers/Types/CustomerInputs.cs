using ConnectingNer.Application.Customers.Commands;
using ConnectingNer.Domain.Customers;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers.Types;

public sealed record UpdateMyProfileInput(string? Name, string? Phone, DateOnly? BirthDate, bool? AffirmLegalAge, string? GuardianName);

public sealed class UpdateMyProfileInputType : InputObjectGraphType<UpdateMyProfileInput>
{
    public UpdateMyProfileInputType()
    {
        Name = "UpdateMyProfileInput";
        Description = "Changes to your profile; omitted fields stay as they are.";
        Field(i => i.Name, nullable: true).Description($"How to address you, at most {Customer.NameMaxLength} characters; an empty string removes it.");
        Field(i => i.Phone, nullable: true).Description("+91 and 10 digits, or another country's number in E.164 form; an empty string removes it.");
        Field<DateOnlyGraphType>("birthDate").Description("Your date of birth. Under 18, a guardian's consent is needed (`guardianName`).");
        Field(i => i.AffirmLegalAge, nullable: true).Description("Affirm that you are 18 or older instead of giving a birth date.");
        Field(i => i.GuardianName, nullable: true).Description("For a minor: the guardian who consents (recorded with the time).");
    }
}

public sealed record AddMyAddressInput(AddressKind Kind, string RecipientName, string Line1, string? Line2, string City, string State,
    string PostalCode, string CountryCode, string? Phone, bool? IsDefault, string? IdempotencyKey)
{
    public AddressInput ToInput() => new(Kind, RecipientName, Line1, Line2, City, State, PostalCode, CountryCode, Phone, IsDefault ?? false);
}

public sealed record UpdateMyAddressInput(string Id, AddressKind Kind, string RecipientName, string Line1, string? Line2, string City,
    string State, string PostalCode, string CountryCode, string? Phone, bool? IsDefault)
{
    public AddressInput ToInput() => new(Kind, RecipientName, Line1, Line2, City, State, PostalCode, CountryCode, Phone, IsDefault ?? false);
}

public sealed record RemoveMyAddressInput(string Id);

/// <summary>The address fields both address inputs share.</summary>
internal static class AddressInputFields
{
    public static void Add<T>(InputObjectGraphType<T> type)
    {
        type.Field<NonNullGraphType<AddressKindType>>("kind").Description("Shipping or billing.");
        type.Field<NonNullGraphType<StringGraphType>>("recipientName").Description($"Who receives, at most {Customer.NameMaxLength} characters.");
        type.Field<NonNullGraphType<StringGraphType>>("line1").Description($"House and street, at most {Address.LineMaxLength} characters.");
        type.Field<StringGraphType>("line2").Description("Locality or landmark.");
        type.Field<NonNullGraphType<StringGraphType>>("city").Description("City or town.");
        type.Field<NonNullGraphType<StringGraphType>>("state").Description("State or union territory.");
        type.Field<NonNullGraphType<StringGraphType>>("postalCode").Description("PIN code: 6 digits, not starting with 0, in India.");
        type.Field<NonNullGraphType<StringGraphType>>("countryCode").Description("ISO 3166-1 alpha-2, e.g. `IN`.");
        type.Field<StringGraphType>("phone").Description("A phone number for the courier.");
        type.Field<BooleanGraphType>("isDefault").Description("Make it the default of its kind (the first of a kind is anyway).");
    }
}

public sealed class AddMyAddressInputType : InputObjectGraphType<AddMyAddressInput>
{
    public AddMyAddressInputType()
    {
        Name = "AddMyAddressInput";
        Description = "A new address of yours.";
        AddressInputFields.Add(this);
        Field(i => i.IdempotencyKey, nullable: true).Description("Any unique string, at most 100 characters: a retry with the same key adds nothing.");
    }
}

public sealed class UpdateMyAddressInputType : InputObjectGraphType<UpdateMyAddressInput>
{
    public UpdateMyAddressInputType()
    {
        Name = "UpdateMyAddressInput";
        Description = "One of your addresses, replaced whole.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The address's global id.");
        AddressInputFields.Add(this);
    }
}

public sealed class RemoveMyAddressInputType : InputObjectGraphType<RemoveMyAddressInput>
{
    public RemoveMyAddressInputType()
    {
        Name = "RemoveMyAddressInput";
        Description = "The address to remove.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The address's global id.");
    }
}
