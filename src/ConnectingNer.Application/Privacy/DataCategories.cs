namespace ConnectingNer.Application.Privacy;

/// <summary>
/// The categories of personal data. Each personal property of a read model names its category with
/// <see cref="PersonalDataAttribute"/>; who may read a category is the grant table (<see cref="Grants"/>), enforced as
/// the policy <c>pii:&lt;category&gt;</c>.
/// </summary>
public static class DataCategories
{
    public const string IdentityName = "identity.name";
    public const string IdentityBirthDate = "identity.birthdate";
    public const string ContactEmail = "contact.email";
    public const string ContactPhone = "contact.phone";
    public const string AddressPostal = "address.postal";
    public const string AccountLogins = "account.logins";

    /// <summary>Consent decisions and their history: who agreed to what, under which policy version.</summary>
    public const string Consent = "consent";

    public static readonly string[] All = [IdentityName, IdentityBirthDate, ContactEmail, ContactPhone, AddressPostal, AccountLogins, Consent];

    /// <summary>The authorization policy guarding a category.</summary>
    public static string Policy(string category) => "pii:" + category;
}

/// <summary>Marks a property (or a whole type) as personal data of a category.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PersonalDataAttribute(string category) : Attribute
{
    public string Category { get; } = category;
}

/// <summary>A value whose personal fields belong to one person: the resource that personal-data policies judge.</summary>
public interface IPersonalDataSubject
{
    Guid SubjectId { get; }
}
