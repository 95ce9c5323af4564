using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Consent.Types;

public sealed class SubscribeNewsletterPayloadType() : OutcomePayloadType("SubscribeNewsletterPayload",
    "The same answer for every valid address: a confirmation link is on its way, and nothing is sent until it is followed.",
    "confirmationSent", "True when the address was accepted.");

public sealed class GuardianConsentPayloadType() : OutcomePayloadType("GuardianConsentPayload",
    "Whether the guardian's consent was asked for or recorded.", "done", "True when the request was sent, or the consent recorded.");

public sealed class NewsletterRecipientType : ObjectGraphType<NewsletterRecipientReadModel>
{
    public const string TypeName = "NewsletterRecipient";

    public NewsletterRecipientType()
    {
        Name = TypeName;
        Description = "Someone whose email-marketing consent holds now. Showing the address is recorded as a disclosure.";
        Field<StringGraphType>("email").Description("Where to send (`contact.email`).")
            .Classified(DataCategories.ContactEmail)
            .Resolve(ctx => ctx.Reveal(ctx.Source.SubjectId, DataCategories.ContactEmail, ctx.Source.Email));
        Field(r => r.UnsubscribeUrl).Description("The one-click unsubscribe link for this recipient (signed; works without signing in).");
        Field<NonNullGraphType<StringGraphType>>("listUnsubscribe").Description("The `List-Unsubscribe` header the email must carry (RFC 8058).")
            .ResolveFromSource(source => $"<{source.UnsubscribeUrl}>");
        Field<NonNullGraphType<StringGraphType>>("listUnsubscribePost").Description("The `List-Unsubscribe-Post` header the email must carry (RFC 8058).")
            .Resolve(_ => "List-Unsubscribe=One-Click");
    }
}

public sealed class NewsletterAudienceType : ObjectGraphType<NewsletterAudienceReadModel>
{
    public NewsletterAudienceType()
    {
        Name = "NewsletterAudience";
        Description = "A page of the people the newsletter may be sent to now.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NewsletterRecipientType>>>>("recipients").Description("The recipients.")
            .ResolveFromSource(source => source.Recipients);
        Field(a => a.EndCursor, nullable: true).Description("Pass it as `after` for the next page.");
        Field(a => a.HasNextPage).Description("True when there are more recipients.");
    }
}
