using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.Commands;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Consent;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Consent.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Consent;

/// <summary>Consent decisions (a customer's, a device's), merging them on sign-in, and the privacy policy's versions.</summary>
public sealed class ConsentMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ConsentPayloadType>("setMyConsents")
            .Description("Grants or withdraws purposes, under the current privacy policy: withdrawing is the same call as granting. Needs a signed-in customer.")
            .Argument<NonNullGraphType<SetMyConsentsInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<SetMyConsentsInput>("input");
                return Payload<ConsentReceiptReadModel>.From(await ctx.Sender().Send(
                    new SetMyConsentsCommand(i.Decisions, i.Source ?? ConsentSource.AccountSettings), ctx.CancellationToken));
            });

        mutation.Field<ConsentPayloadType>("recordDeviceConsent")
            .Description("The cookie banner's decisions for an anonymous device. No sign-in needed.")
            .Argument<NonNullGraphType<RecordDeviceConsentInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<RecordDeviceConsentInput>("input");
                return Payload<ConsentReceiptReadModel>.From(await ctx.Sender().Send(
                    new RecordDeviceConsentCommand(i.DeviceId, i.Decisions, i.PolicyVersion), ctx.CancellationToken));
            });

        mutation.Field<ConsentPayloadType>("mergeDeviceConsent")
            .Description("After signing in: the device's decisions enter your history where they are newer than yours (both stay on record).")
            .Argument<NonNullGraphType<MergeDeviceConsentInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => Payload<ConsentReceiptReadModel>.From(await ctx.Sender().Send(
                new MergeDeviceConsentCommand(ctx.GetArgument<MergeDeviceConsentInput>("input").DeviceId), ctx.CancellationToken)));

        mutation.Field<ConsentPayloadType>("acceptPrivacyPolicy")
            .Description("Accepts the current privacy policy and confirms the purposes you granted under an older version, so they hold again.")
            .Argument<NonNullGraphType<StringGraphType>>("version", "The current version (see `privacyPolicy`).")
            .Authorize()
            .ResolveAsync(async ctx => Payload<ConsentReceiptReadModel>.From(await ctx.Sender().Send(
                new AcceptPrivacyPolicyCommand(ctx.GetArgument<string>("version")), ctx.CancellationToken)));

        mutation.Field<SubscribeNewsletterPayloadType>("subscribeNewsletter")
            .Description("Asks for the newsletter, without an account: a confirmation link goes to the address (double opt-in).")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The address.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new SubscribeNewsletterCommand(ctx.GetArgument<string>("email")), ctx.CancellationToken));

        mutation.Field<ConsentPayloadType>("confirmNewsletterSubscription")
            .Description("Follows the confirmation link's token: email marketing is granted for its address. No sign-in needed.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The `token` of the confirmation link.")
            .ResolveAsync(async ctx => Payload<ConsentReceiptReadModel>.From(await ctx.Sender().Send(
                new ConfirmNewsletterSubscriptionCommand(ctx.GetArgument<string>("token")), ctx.CancellationToken)));

        mutation.Field<GuardianConsentPayloadType>("requestGuardianConsent")
            .Description("For a customer under 18: asks a parent or guardian to consent, by a link sent to their address. Until an adult account "
                + "with that address confirms, no tracking, personalisation or marketing holds for you, whatever your choices.")
            .Argument<NonNullGraphType<StringGraphType>>("guardianEmail", "The guardian's address (of their own account).")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new RequestGuardianConsentCommand(ctx.GetArgument<string>("guardianEmail")), ctx.CancellationToken));

        mutation.Field<GuardianConsentPayloadType>("confirmGuardianConsent")
            .Description("For the guardian, signed in to their own adult account with the address the link was sent to: consents for the minor.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The `token` of the link.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ConfirmGuardianConsentCommand(ctx.GetArgument<string>("token")), ctx.CancellationToken));

        mutation.Field<PrivacyPolicyPayloadType>("publishPrivacyPolicy")
            .Description("Publishes a new version of the privacy policy, in force at once. For the privacy officer.")
            .Argument<NonNullGraphType<PublishPrivacyPolicyInputType>>("input")
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<PublishPrivacyPolicyInput>("input");
                return Payload<PrivacyPolicyReadModel>.From(await ctx.Sender().Send(
                    new PublishPrivacyPolicyCommand(i.Version, i.Text, i.Summary, i.Material), ctx.CancellationToken));
            });
    }
}
