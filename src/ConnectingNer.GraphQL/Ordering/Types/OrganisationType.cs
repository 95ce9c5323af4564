using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed class OrganisationRoleType : EnumerationGraphType<OrganisationRole>
{
    public OrganisationRoleType()
    {
        Name = "OrganisationRole";
        Description = "BUYER orders for the organisation; ADMIN also invites members.";
    }
}

/// <summary>A business customer (B2B), as its members see it.</summary>
public sealed class OrganisationType : ObjectGraphType<OrganisationReadModel>
{
    public const string TypeName = "Organisation";

    public OrganisationType()
    {
        Name = TypeName;
        Description = "A business that buys in bulk: its legal name, GSTIN (printed on its invoices) and billing address.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation's global id.").ResolveGlobalId(TypeName, source => source.Id);
        Field(o => o.LegalName).Description("The registered legal name.");
        Field(o => o.Gstin).Description("The GST identification number (checked: state code, PAN shape and check character).");
        Field(o => o.BillingLine1).Description("Billing address: first line.");
        Field(o => o.BillingLine2, nullable: true).Description("Billing address: second line.");
        Field(o => o.BillingCity).Description("Billing address: city.");
        Field(o => o.BillingState).Description("Billing address: state (the GSTIN's state).");
        Field(o => o.BillingPostalCode).Description("Billing address: PIN code.");
        Field<NonNullGraphType<OrganisationRoleType>>("myRole").Description("Your role in it.").ResolveFromSource(source => source.MyRole);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationMemberType>>>>("members").Description("Who buys for it.")
            .ResolveFromSource(source => source.Members);
    }
}

/// <summary>
/// A member. Who they are is their own personal data: <c>customer</c>'s fields answer as the grant table says (a
/// member sees their own details; another member's are refused like any other customer's).
/// </summary>
public sealed class OrganisationMemberType : ObjectGraphType<OrganisationMemberReadModel>
{
    public OrganisationMemberType()
    {
        Name = "OrganisationMember";
        Description = "A member of an organisation.";
        Field<NonNullGraphType<OrganisationRoleType>>("role").Description("Buyer or administrator.").ResolveFromSource(source => source.Role);
        Field(m => m.JoinedAt).Description("When they joined.");
        Field<CustomerType>("customer").Description("The member (business contact data is theirs: each field as your grant allows).")
            .ResolveFromSource(source => new CustomerIndexRow { SubjectId = source.CustomerId });
    }
}

public sealed class OrganisationInvitationType : ObjectGraphType<OrganisationInvitationReadModel>
{
    public OrganisationInvitationType()
    {
        Name = "OrganisationInvitation";
        Description = "An invitation to join an organisation, addressed to your email address.";
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation (send it to `acceptOrganisationInvitation`).")
            .ResolveGlobalId(OrganisationType.TypeName, source => source.OrganisationId);
        Field(i => i.LegalName).Description("The organisation's legal name.");
        Field<NonNullGraphType<OrganisationRoleType>>("role").Description("The role offered.").ResolveFromSource(source => source.Role);
        Field(i => i.InvitedAt).Description("When.");
    }
}

public sealed record CreateOrganisationInput(string LegalName, string Gstin, OrganisationAddressInput BillingAddress);

public sealed record OrganisationAddressInput(string Line1, string? Line2, string City, string State, string PostalCode);

public sealed class OrganisationAddressInputType : InputObjectGraphType<OrganisationAddressInput>
{
    public OrganisationAddressInputType()
    {
        Name = "OrganisationAddressInput";
        Description = "A billing address in India.";
        Field(i => i.Line1).Description("Building and street.");
        Field(i => i.Line2, nullable: true).Description("Locality.");
        Field(i => i.City).Description("City or town.");
        Field(i => i.State).Description("State or union territory: the GSTIN's state.");
        Field(i => i.PostalCode).Description("PIN code of that state.");
    }
}

public sealed class CreateOrganisationInputType : InputObjectGraphType<CreateOrganisationInput>
{
    public CreateOrganisationInputType()
    {
        Name = "CreateOrganisationInput";
        Description = "Your business: you become its first administrator.";
        Field(i => i.LegalName).Description($"The registered legal name, at most {Organisation.LegalNameMaxLength} characters.");
        Field(i => i.Gstin).Description("The 15-character GSTIN.");
        Field<NonNullGraphType<OrganisationAddressInputType>>("billingAddress").Description("The billing address.");
    }
}

public sealed record InviteOrganisationMemberInput(string OrganisationId, string Email, OrganisationRole Role);

public sealed class InviteOrganisationMemberInputType : InputObjectGraphType<InviteOrganisationMemberInput>
{
    public InviteOrganisationMemberInputType()
    {
        Name = "InviteOrganisationMemberInput";
        Description = "Someone to invite into your organisation (administrators only).";
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation.");
        Field(i => i.Email).Description("Their email address: they accept after signing in with it.");
        Field<NonNullGraphType<OrganisationRoleType>>("role").Description("BUYER or ADMIN.");
    }
}

public sealed record AcceptOrganisationInvitationInput(string OrganisationId);

public sealed class AcceptOrganisationInvitationInputType : InputObjectGraphType<AcceptOrganisationInvitationInput>
{
    public AcceptOrganisationInvitationInputType()
    {
        Name = "AcceptOrganisationInvitationInput";
        Description = "The organisation whose invitation you accept.";
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation.");
    }
}

public sealed class OrganisationPayloadType() : PayloadType<OrganisationType, OrganisationReadModel>("OrganisationPayload", "organisation", "The result of an organisation change.");
