using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Application.PrivacyRequests.Commands;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.PrivacyRequests.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests;

/// <summary>Grievances, corrections, restrictions, nominations, and the privacy officer's steps on any request.</summary>
public sealed class PrivacyRequestMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<PrivacyRequestPayloadType>("fileGrievance")
            .Description("A grievance about how your data is handled (DPDP Act §13): acknowledged at once with a reference and a due date. "
                + "While one is open, filing again answers with it. Needs a signed-in customer.")
            .Argument<StringGraphType>("subject", "A subject line, at most 200 characters.")
            .Argument<NonNullGraphType<StringGraphType>>("details", "What happened, at most 2,000 characters.")
            .Authorize()
            .ResolveAsync(async ctx => Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(
                new FileGrievanceCommand(ctx.GetArgument<string?>("subject"), ctx.GetArgument<string>("details")), ctx.CancellationToken)));

        mutation.Field<PrivacyRequestPayloadType>("requestDataExport")
            .Description("Access and portability (DPDP Act §11, GDPR Arts. 15 and 20): everything we hold about you as a JSON file, with a summary "
                + "of who your data was disclosed to and why. Written within minutes; you are emailed a download link that works for 7 days "
                + "(also under `myDataExports`). Needs a sign-in no older than 10 minutes. While one is open, asking again answers with it.")
            .Authorize()
            .ResolveAsync(async ctx => Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new RequestDataExportCommand(), ctx.CancellationToken)));

        mutation.Field<PrivacyRequestPayloadType>("requestErasure")
            .Description("Erases your account and personal data (DPDP Act §12, GDPR Art. 17); see `previewErasure` first. Your data key is "
                + "destroyed, so every encrypted copy becomes unreadable (a backup's copy too, once the master key it was wrapped under is retired); invoices are kept without your identity, as the law "
                + "requires; partners who were shown your data are told to erase it. Refused while a legal hold stands or an order is open. "
                + "Needs a sign-in no older than 10 minutes. Cannot be undone.")
            .Authorize()
            .ResolveAsync(async ctx => Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new RequestErasureCommand(), ctx.CancellationToken)));

        mutation.Field<ErasureNoticePayloadType>("acknowledgeErasureNotice")
            .Description("For a partner: says you erased your copy of the customer's data. The notice then forgets who they were.")
            .Argument<NonNullGraphType<IdGraphType>>("noticeId", "The notice's global id.")
            .AuthorizeWithPolicy(Policies.Partner)
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Int(ctx.GetArgument<string>("noticeId"), ErasureNoticeType.TypeName, "noticeId");
                if (!id.IsSuccess) return Payload<ErasureNoticeReadModel>.Failure(id.Errors);
                return Payload<ErasureNoticeReadModel>.From(await ctx.Sender().Send(new AcknowledgeErasureNoticeCommand(id.Value), ctx.CancellationToken));
            });

        mutation.Field<RequestWithoutAccountPayloadType>("requestWithoutAccount")
            .Description("For someone without an account (a newsletter subscriber): asks for ACCESS or ERASURE by email. A link is sent to the "
                + "address if we hold it; only opening it and confirming does anything (valid 24 hours). The answer is the same whether or "
                + "not we hold the address. With an account, sign in instead.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The address we hold.")
            .Argument<NonNullGraphType<PrivacyRequestTypeType>>("type", "ACCESS or ERASURE.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new RequestWithoutAccountCommand(ctx.GetArgument<string>("email"),
                ctx.GetArgument<Domain.PrivacyRequests.PrivacyRequestType>("type")), ctx.CancellationToken));

        mutation.Field<PrivacyRequestPayloadType>("requestCorrection")
            .Description("Asks the privacy officer to correct what you cannot edit yourself (an order's address, a name on an invoice). "
                + "Needs a signed-in customer.")
            .Argument<NonNullGraphType<StringGraphType>>("what", "Which data is wrong (e.g. \"shipping address\"), at most 200 characters.")
            .Argument<NonNullGraphType<StringGraphType>>("correction", "What it should say, at most 2,000 characters.")
            .Argument<IdGraphType>("orderId", "The order concerned, if any.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var order = GlobalIds.OptionalInt(ctx.GetArgument<string?>("orderId"), Ordering.Types.OrderType.TypeName, "orderId");
                if (!order.IsSuccess) return Payload<PrivacyRequestReadModel>.Failure(order.Errors);
                return Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new RequestCorrectionCommand(ctx.GetArgument<string>("what"),
                    ctx.GetArgument<string>("correction"), order.Value), ctx.CancellationToken));
            });

        mutation.Field<PrivacyRequestPayloadType>("restrictProcessing")
            .Description("\"Stop using my information\": a RESTRICTION or an OBJECTION for some purposes, or (none named) for every purpose but "
                + "essential processing. In force at once; the privacy officer reviews it. Needs a signed-in customer.")
            .Argument<NonNullGraphType<PrivacyRequestTypeType>>("type", "RESTRICTION or OBJECTION.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("purposes", "Purpose codes (see `consentPurposes`); none: all but essential.")
            .Argument<StringGraphType>("details", "Why, at most 2,000 characters.")
            .Authorize()
            .ResolveAsync(async ctx => Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new RestrictProcessingCommand(
                ctx.GetArgument<Domain.PrivacyRequests.PrivacyRequestType>("type"), ctx.GetArgument<List<string>?>("purposes") ?? [],
                ctx.GetArgument<string?>("details")), ctx.CancellationToken)));

        mutation.Field<PrivacyRequestPayloadType>("liftRestriction")
            .Description("Lifts your restriction or objection: your consent decisions count again as they stand.")
            .Argument<NonNullGraphType<IdGraphType>>("requestId", "The restriction's global id.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Int(ctx.GetArgument<string>("requestId"), PrivacyRequestGraphType.TypeName, "requestId");
                if (!id.IsSuccess) return Payload<PrivacyRequestReadModel>.Failure(id.Errors);
                return Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new LiftRestrictionCommand(id.Value), ctx.CancellationToken));
            });

        mutation.Field<NominationPayloadType>("nominate")
            .Description("Names your nominee (DPDP Act §14): name, email and relation, kept encrypted with your data. Replaces an earlier one.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "Their name.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "Their email address (their own account signs in with it).")
            .Argument<NonNullGraphType<StringGraphType>>("relation", "Their relation to you (\"daughter\", \"spouse\").")
            .Authorize()
            .ResolveAsync(async ctx => Payload<NominationReadModel>.From(await ctx.Sender().Send(new NominateCommand(
                ctx.GetArgument<string>("name"), ctx.GetArgument<string>("email"), ctx.GetArgument<string>("relation")), ctx.CancellationToken)));

        mutation.Field<WithdrawNominationPayloadType>("withdrawNomination")
            .Description("Withdraws your nomination.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new WithdrawNominationCommand(), ctx.CancellationToken));

        mutation.Field<PrivacyRequestPayloadType>("requestOnBehalf")
            .Description("For a nominee, signed in to their own account: opens a request on behalf of the customer who named them, with the "
                + "proof (of death or incapacity) described; the privacy officer reviews it before anything is done.")
            .Argument<NonNullGraphType<StringGraphType>>("customerEmail", "The address of the customer who named you.")
            .Argument<NonNullGraphType<PrivacyRequestTypeType>>("type", "ACCESS, PORTABILITY, CORRECTION, ERASURE or GRIEVANCE.")
            .Argument<NonNullGraphType<StringGraphType>>("proof", "The proof you hold and how you will send it, at most 2,000 characters.")
            .Authorize()
            .ResolveAsync(async ctx => Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new RequestOnBehalfCommand(
                ctx.GetArgument<string>("customerEmail"), ctx.GetArgument<Domain.PrivacyRequests.PrivacyRequestType>("type"), ctx.GetArgument<string>("proof")),
                ctx.CancellationToken)));

        Step(mutation, "verifyPrivacyRequest", "Marks a request VERIFIED: the requester's identity, or a nominee's proof, was checked.",
            PrivacyRequestAction.Verify, null);
        Step(mutation, "assignPrivacyRequest", "Takes a verified request: assigned to you, IN_PROGRESS.", PrivacyRequestAction.Assign, null);
        Step(mutation, "extendPrivacyRequest", "Extends a GDPR request's due date once, by one or two months, with the reason on record.",
            PrivacyRequestAction.Extend, "reason", months: true);
        Step(mutation, "completePrivacyRequest", "Completes a request with the answer the customer sees.", PrivacyRequestAction.Complete, "answer");
        Step(mutation, "rejectPrivacyRequest", "Rejects a request with the reason the customer sees.", PrivacyRequestAction.Reject, "reason");
    }

    private static void Step(ObjectGraphType mutation, string name, string description, PrivacyRequestAction action, string? text, bool months = false)
    {
        var field = mutation.Field<PrivacyRequestPayloadType>(name)
            .Description(description + " For the privacy officer.")
            .Argument<NonNullGraphType<IdGraphType>>("requestId", "The request's global id.")
            .AuthorizeWithPolicy(Policies.PrivacyOfficer);
        if (text is not null) field.Argument<NonNullGraphType<StringGraphType>>(text, "Shown to the customer and kept on record, at most 2,000 characters.");
        if (months) field.Argument<NonNullGraphType<IntGraphType>>("months", "1 or 2.");
        field.ResolveAsync(async ctx =>
        {
            var id = GlobalIds.Int(ctx.GetArgument<string>("requestId"), PrivacyRequestGraphType.TypeName, "requestId");
            if (!id.IsSuccess) return Payload<PrivacyRequestReadModel>.Failure(id.Errors);
            return Payload<PrivacyRequestReadModel>.From(await ctx.Sender().Send(new HandlePrivacyRequestCommand(id.Value, action,
                text is null ? null : ctx.GetArgument<string>(text), months ? ctx.GetArgument<int>("months") : 0), ctx.CancellationToken));
        });
    }
}
