using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Customers;

/// <summary>
/// A customer's personal data (their account is the sign-in side). Everything here is personal: the whole profile
/// is stored encrypted with the customer's own data key.
/// </summary>
public sealed class Customer
{
    public const int NameMaxLength = 100;
    public const int MaxAddresses = 20;
    public const int LegalAge = 18;

    private readonly List<Address> _addresses = [];

    public Customer(Guid id, string email, DateTimeOffset createdAt)
    {
        Id = id;
        Email = email;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }

    public string Email { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public string? Name { get; private set; }

    public string? Phone { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>The customer affirmed being of legal age instead of giving a birth date.</summary>
    public bool LegalAgeAffirmed { get; private set; }

    /// <summary>For a minor: the guardian who consented, and when.</summary>
    public string? GuardianName { get; private set; }

    public DateTimeOffset? GuardianConsentAt { get; private set; }

    public IReadOnlyList<Address> Addresses => _addresses;

    /// <summary>Rebuilds a stored customer (persistence only).</summary>
    public static Customer Restore(Guid id, string email, DateTimeOffset createdAt, string? name, string? phone, DateOnly? birthDate,
        bool legalAgeAffirmed, string? guardianName, DateTimeOffset? guardianConsentAt, IEnumerable<Address> addresses)
    {
        var customer = new Customer(id, email, createdAt)
        {
            Name = name, Phone = phone, BirthDate = birthDate, LegalAgeAffirmed = legalAgeAffirmed,
            GuardianName = guardianName, GuardianConsentAt = guardianConsentAt,
        };
        customer._addresses.AddRange(addresses);
        return customer;
    }

    /// <summary>
    /// Changes the profile; null leaves a value as it is, an empty string clears name or phone. A birth date under
    /// 18 years needs a guardian's name (the consent is recorded now).
    /// </summary>
    public Result UpdateProfile(string? name, string? phone, DateOnly? birthDate, bool? affirmLegalAge, string? guardianName, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var newName = name is null ? Name : name.Trim() is { Length: 0 } ? null : name.Trim();
        if (newName is { Length: > NameMaxLength }) errors.Add(CustomerErrors.NameTooLong());
        var newPhone = Phone;
        if (phone is not null)
        {
            newPhone = phone.Trim().Length == 0 ? null : PhoneNumber.Normalize(phone);
            if (phone.Trim().Length > 0 && newPhone is null) errors.Add(CustomerErrors.PhoneInvalid());
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var newBirthDate = birthDate ?? BirthDate;
        if (birthDate is { } date && (date >= today || date < today.AddYears(-130))) errors.Add(CustomerErrors.BirthDateInvalid());
        var minor = newBirthDate is { } born && born.AddYears(LegalAge) > today;
        var guardian = guardianName?.Trim() is { Length: > 0 } g ? g : null;
        if (guardian is { Length: > NameMaxLength }) errors.Add(CustomerErrors.NameTooLong("guardianName"));
        if (minor && guardian is null && GuardianName is null) errors.Add(CustomerErrors.UnderAge());
        if (errors.Count > 0) return Result.Failure([.. errors]);

        Name = newName;
        Phone = newPhone;
        BirthDate = newBirthDate;
        if (affirmLegalAge is { } affirmed) LegalAgeAffirmed = affirmed;
        if (guardian is not null)
        {
            GuardianName = guardian;
            GuardianConsentAt = now;
        }

        return Result.Success();
    }

    public Result<Address> AddAddress(Address address)
    {
        if (_addresses.Count >= MaxAddresses) return CustomerErrors.TooManyAddresses();
        // The first address of a kind is its default; a new default replaces the old one.
        if (address.IsDefault || _addresses.All(a => a.Kind != address.Kind)) MakeDefault(address);
        _addresses.Add(address);
        return Result.Success(address);
    }

    public Result<Address> ReplaceAddress(Address address)
    {
        var index = _addresses.FindIndex(a => a.Id == address.Id);
        if (index < 0) return CustomerErrors.AddressNotFound();
        var wasDefault = _addresses[index].IsDefault;
        _addresses.RemoveAt(index);
        if (address.IsDefault || (wasDefault && _addresses.All(a => a.Kind != address.Kind || !a.IsDefault))) MakeDefault(address);
        _addresses.Insert(index, address);
        return Result.Success(address);
    }

    public Result RemoveAddress(Guid addressId)
    {
        var address = _addresses.Find(a => a.Id == addressId);
        if (address is null) return CustomerErrors.AddressNotFound();
        _addresses.Remove(address);
        if (address.IsDefault && _addresses.FirstOrDefault(a => a.Kind == address.Kind) is { } next) next.IsDefault = true;
        return Result.Success();
    }

    private void MakeDefault(Address address)
    {
        foreach (var other in _addresses.Where(a => a.Kind == address.Kind)) other.IsDefault = false;
        address.IsDefault = true;
    }
}
