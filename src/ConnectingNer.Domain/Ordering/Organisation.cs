using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Domain.Ordering;

public enum OrganisationRole
{
    Buyer,
    Admin,
}

/// <summary>
/// A business that buys in bulk (B2B): its legal name, GSTIN (whose state code must match its billing address)
/// and billing address. Its members are customers, as buyers or administrators; their contact details stay theirs.
/// </summary>
public sealed class Organisation : Entity
{
    public const int LegalNameMaxLength = 200;

    private readonly List<OrganisationMember> _members = [];

    private Organisation() { }

    public string LegalName { get; private set; } = "";

    public string Gstin { get; private set; } = "";

    public string BillingLine1 { get; private set; } = "";

    public string? BillingLine2 { get; private set; }

    public string BillingCity { get; private set; } = "";

    public string BillingState { get; private set; } = "";

    public string BillingPostalCode { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<OrganisationMember> Members => _members;

    public static Result<Organisation> Create(string legalName, string gstin, string line1, string? line2, string city,
        string state, string postalCode, Guid founder, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var name = legalName?.Trim() ?? "";
        if (name.Length is 0 or > LegalNameMaxLength) errors.Add(OrderingErrors.LegalNameInvalid());
        var number = Ordering.Gstin.Normalize(gstin);
        var found = IndianStates.Find(state);
        if (number is null) errors.Add(OrderingErrors.GstinInvalid());
        if (found is null) errors.Add(OrderingErrors.StateUnknown("billingAddress.state"));
        else if (!IndianStates.HasPin(found, postalCode?.Trim() ?? "")) errors.Add(OrderingErrors.PostalCodeNotInState("billingAddress.postalCode"));
        if (number is not null && found is not null && number[..2] != found.GstCode)
            errors.Add(OrderingErrors.GstinStateMismatch());
        if (string.IsNullOrWhiteSpace(line1) || line1.Trim().Length > Address.LineMaxLength)
            errors.Add(OrderingErrors.OrganisationAddressInvalid("billingAddress.line1", Address.LineMaxLength));
        if (string.IsNullOrWhiteSpace(city) || city.Trim().Length > Address.CityMaxLength)
            errors.Add(OrderingErrors.OrganisationAddressInvalid("billingAddress.city", Address.CityMaxLength));
        if (errors.Count > 0) return Result<Organisation>.FromErrors(errors);

        var organisation = new Organisation
        {
            LegalName = name, Gstin = number!, BillingLine1 = line1.Trim(), BillingLine2 = string.IsNullOrWhiteSpace(line2) ? null : line2.Trim(),
            BillingCity = city.Trim(), BillingState = found!.Name, BillingPostalCode = postalCode!.Trim(), CreatedAt = now,
        };
        organisation._members.Add(new OrganisationMember(founder, OrganisationRole.Admin, now));
        return Result.Success(organisation);
    }

    public OrganisationRole? RoleOf(Guid customerId) => _members.FirstOrDefault(m => m.CustomerId == customerId)?.Role;

    public void Join(Guid customerId, OrganisationRole role, DateTimeOffset now)
    {
        var member = _members.FirstOrDefault(m => m.CustomerId == customerId);
        if (member is null) _members.Add(new OrganisationMember(customerId, role, now));
        else member.Role = role;
    }
}

public sealed class OrganisationMember
{
    private OrganisationMember() { }

    public OrganisationMember(Guid customerId, OrganisationRole role, DateTimeOffset joinedAt)
    {
        CustomerId = customerId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public int OrganisationId { get; private set; }

    public Guid CustomerId { get; private set; }

    public OrganisationRole Role { get; internal set; }

    public DateTimeOffset JoinedAt { get; private set; }
}

/// <summary>An invitation to join, addressed by the keyed hash of an email address (the address itself is not stored).</summary>
public sealed class OrganisationInvitation
{
    private OrganisationInvitation() { }

    public OrganisationInvitation(int organisationId, string emailIndex, OrganisationRole role, Guid invitedBy, DateTimeOffset at)
    {
        OrganisationId = organisationId;
        EmailIndex = emailIndex;
        Role = role;
        InvitedBy = invitedBy;
        InvitedAt = at;
    }

    public int OrganisationId { get; private set; }

    public string EmailIndex { get; private set; } = "";

    public OrganisationRole Role { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }
}
