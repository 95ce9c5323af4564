using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Privacy;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests.Types;

public sealed class NominationType : ObjectGraphType<NominationReadModel>
{
    public NominationType()
    {
        Name = "Nomination";
        Description = "Your nominee (DPDP Act §14): who may exercise your rights on your behalf in the event of death or incapacity.";
        Field<StringGraphType>("name").Description("The nominee's name (`identity.name`).").Classified(DataCategories.IdentityName)
            .Resolve(ctx => ctx.Reveal(ctx.Source.SubjectId, DataCategories.IdentityName, ctx.Source.Name));
        Field<StringGraphType>("email").Description("The nominee's address (`contact.email`).").Classified(DataCategories.ContactEmail)
            .Resolve(ctx => ctx.Reveal(ctx.Source.SubjectId, DataCategories.ContactEmail, ctx.Source.Email));
        Field(n => n.Relation).Description("Their relation to you.");
        Field(n => n.NominatedAt).Description("When you named them.");
    }
}

public sealed class NominationPayloadType() : PayloadType<NominationType, NominationReadModel>("NominationPayload", "nomination", "Your nominee, or why not.");

public sealed class WithdrawNominationPayloadType() : OutcomePayloadType("WithdrawNominationPayload", "Whether the nomination was withdrawn.",
    "withdrawn", "True when you no longer have a nominee.");
