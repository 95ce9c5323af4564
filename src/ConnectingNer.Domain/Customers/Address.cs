using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Customers;

/// <summary>A postal address of a customer. Part of the customer's personal data: stored encrypted with it.</summary>
public sealed class Address
{
    public const int LineMaxLength = 200;
    public const int CityMaxLength = 100;

    public Guid Id { get; init; }

    public AddressKind Kind { get; init; }

    public string RecipientName { get; init; } = "";

    public string Line1 { get; init; } = "";

    public string? Line2 { get; init; }

    public string City { get; init; } = "";

    public string State { get; init; } = "";

    public string PostalCode { get; init; } = "";

    public string CountryCode { get; init; } = "IN";

    public string? Phone { get; init; }

    public bool IsDefault { get; set; }

    /// <summary>An address checked field by field: all errors at once, each naming its field.</summary>
    public static Result<Address> Create(Guid id, AddressKind kind, string recipientName, string line1, string? line2,
        string city, string state, string postalCode, string countryCode, string? phone, bool isDefault)
    {
        var errors = new List<Error>();
        string Required(string? value, string field, int max)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0) errors.Add(CustomerErrors.AddressFieldRequired(field));
            else if (trimmed.Length > max) errors.Add(CustomerErrors.AddressFieldTooLong(field, max));
            return trimmed;
        }

        var country = countryCode?.Trim().ToUpperInvariant() ?? "";
        if (!Countries.IsKnown(country)) errors.Add(CustomerErrors.CountryUnknown());
        var postal = postalCode?.Trim().ToUpperInvariant() ?? "";
        if (!IsPostalCode(country, postal)) errors.Add(CustomerErrors.PostalCodeInvalid());
        var normalizedPhone = phone is null ? null : PhoneNumber.Normalize(phone);
        if (phone is not null && normalizedPhone is null) errors.Add(CustomerErrors.PhoneInvalid("phone"));
        var line2Trimmed = string.IsNullOrWhiteSpace(line2) ? null : line2.Trim();
        if (line2Trimmed is { Length: > LineMaxLength }) errors.Add(CustomerErrors.AddressFieldTooLong("line2", LineMaxLength));

        var address = new Address
        {
            Id = id, Kind = kind,
            RecipientName = Required(recipientName, "recipientName", Customer.NameMaxLength),
            Line1 = Required(line1, "line1", LineMaxLength), Line2 = line2Trimmed,
            City = Required(city, "city", CityMaxLength), State = Required(state, "state", CityMaxLength),
            PostalCode = postal, CountryCode = country, Phone = normalizedPhone, IsDefault = isDefault,
        };
        return errors.Count > 0 ? Result<Address>.FromErrors(errors) : Result.Success(address);
    }

    public static bool IsPostalCode(string country, string postal) => country == "IN"
        ? postal.Length == 6 && postal.All(char.IsAsciiDigit) && postal[0] != '0'
        : postal.Length is >= 3 and <= 10 && postal.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-');
}
