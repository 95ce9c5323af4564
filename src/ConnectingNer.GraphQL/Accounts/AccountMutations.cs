using ConnectingNer.Application.Accounts.Commands;
using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.GraphQL.Accounts.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Accounts;

/// <summary>Sign-in accounts: <c>registerCustomer</c> and <c>unlinkExternalLogin</c>.</summary>
public sealed class AccountMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<RegisterCustomerPayloadType>("registerCustomer")
            .Description("Creates a customer account with a password and emails a confirmation link. Needs no sign-in. "
                + "When the address already has an account the answer is the same (its owner gets an email), so it tells nobody who is a customer.")
            .Argument<NonNullGraphType<RegisterCustomerInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterCustomerInput>("input");
                return Payload<RegistrationReadModel>.From(await ctx.Sender().Send(
                    new RegisterCustomerCommand(input.Email, input.Password, input.DisplayName, input.IdempotencyKey), ctx.CancellationToken));
            });

        mutation.Field<UnlinkExternalLoginPayloadType>("unlinkExternalLogin")
            .Description("Removes a social login from your account; refused when it is your only way to sign in.")
            .Argument<NonNullGraphType<UnlinkExternalLoginInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => CustomerPayload.From(await ctx.Sender().Send(
                new UnlinkExternalLoginCommand(ctx.GetArgument<UnlinkExternalLoginInput>("input").Provider), ctx.CancellationToken)));
    }
}
