using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering.Types;

/// <summary>A business customer (B2B).</summary>
public sealed class OrganisationType : ObjectGraphType<Organisation>
{
    public const string TypeName = "Organisation";

    public OrganisationType()
    {
        Name = TypeName;
        Description = "A business that buys in bulk: its legal name, GSTIN and billing address.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation's global id.").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(o => o.LegalName).Description("The registered legal name.");
        Field(o => o.Gstin).Description("The GST identification number.");
        Field(o => o.BillingLine1).Description("Billing address: first line.");
        Field(o => o.BillingLine2, nullable: true).Description("Billing address: second line.");
        Field(o => o.BillingCity).Description("Billing address: city.");
        Field(o => o.BillingState).Description("Billing address: state.");
        Field(o => o.BillingPostalCode).Description("Billing address: PIN code.");
    }
}
