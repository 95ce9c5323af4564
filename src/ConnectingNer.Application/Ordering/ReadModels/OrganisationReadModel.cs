using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>An organisation as its members see it, with the caller's own role.</summary>
public sealed record OrganisationReadModel(int Id, string LegalName, string Gstin, string BillingLine1, string? BillingLine2, string BillingCity,
    string BillingState, string BillingPostalCode, OrganisationRole MyRole, IReadOnlyList<OrganisationMemberReadModel> Members)
{
    public static OrganisationReadModel From(Organisation o, Guid me) => new(o.Id, o.LegalName, o.Gstin, o.BillingLine1, o.BillingLine2,
        o.BillingCity, o.BillingState, o.BillingPostalCode, o.RoleOf(me) ?? OrganisationRole.Buyer,
        [.. o.Members.OrderBy(m => m.JoinedAt).Select(m => new OrganisationMemberReadModel(m.CustomerId, m.Role, m.JoinedAt))]);
}

/// <summary>A member: their role, and (through the customer, each field as the grant table allows) who they are.</summary>
public sealed record OrganisationMemberReadModel(Guid CustomerId, OrganisationRole Role, DateTimeOffset JoinedAt);

/// <summary>An invitation addressed to the caller's email address.</summary>
public sealed record OrganisationInvitationReadModel(int OrganisationId, string LegalName, OrganisationRole Role, DateTimeOffset InvitedAt);
