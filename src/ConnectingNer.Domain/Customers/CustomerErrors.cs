using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Customers;

/// <summary>Stable error codes of customer profiles and addresses.</summary>
public static class CustomerErrors
{
    public static Error NameTooLong(string field = "name") =>
        new("customer.name_too_long", $"A name has at most {Customer.NameMaxLength} characters.", field);

    public static Error PhoneInvalid(string field = "phone") =>
        new("customer.phone_invalid",
            "A phone number is +91 followed by 10 digits starting with 6 to 9, or another country's number as + and 8 to 15 digits.", field);

    public static Error BirthDateInvalid(string field = "birthDate") =>
        new("customer.birth_date_invalid", "A birth date is in the past and less than 130 years ago.", field);

    public static Error UnderAge(string field = "birthDate") =>
        new("customer.under_age", "Customers under 18 need a guardian's consent on record.", field);

    public static Error GuardianNameRequired(string field = "guardianName") =>
        new("customer.guardian_name_required", "A guardian's consent needs the guardian's name.", field);

    public static Error AddressNotFound(string field = "id") =>
        new("customer.address_not_found", "You have no address with this id.", field);

    public static Error TooManyAddresses(string field = "input") =>
        new("customer.too_many_addresses", $"A customer keeps at most {Customer.MaxAddresses} addresses.", field);

    public static Error AddressFieldRequired(string field) =>
        new("address.field_required", $"'{field}' is required.", field);

    public static Error AddressFieldTooLong(string field, int max) =>
        new("address.field_too_long", $"'{field}' has at most {max} characters.", field);

    public static Error CountryUnknown(string field = "countryCode") =>
        new("address.country_unknown", "The country is an ISO 3166-1 alpha-2 code such as IN.", field);

    public static Error PostalCodeInvalid(string field = "postalCode") =>
        new("address.postal_code_invalid",
            "An Indian PIN code is 6 digits not starting with 0; elsewhere 3 to 10 letters, digits, spaces or dashes.", field);
}
