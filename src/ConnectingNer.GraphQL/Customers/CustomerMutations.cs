using ConnectingNer.Application.Customers.Commands;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers;

/// <summary>The signed-in customer's changes to their own profile; each answers with the customer as it now is.</summary>
public sealed class CustomerMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<UpdateMyProfilePayloadType>("updateMyProfile")
            .Description("Changes your name, phone, birth date or legal-age affirmation.")
            .Argument<NonNullGraphType<UpdateMyProfileInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<UpdateMyProfileInput>("input");
                return CustomerPayload.From(await ctx.Sender().Send(
                    new UpdateMyProfileCommand(i.Name, i.Phone, i.BirthDate, i.AffirmLegalAge, i.GuardianName), ctx.CancellationToken));
            });

        mutation.Field<AddMyAddressPayloadType>("addMyAddress")
            .Description($"Adds an address (at most {Domain.Customers.Customer.MaxAddresses}). Send an `idempotencyKey` to retry safely.")
            .Argument<NonNullGraphType<AddMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<AddMyAddressInput>("input");
                return CustomerPayload.From(await ctx.Sender().Send(new AddMyAddressCommand(i.ToInput(), i.IdempotencyKey), ctx.CancellationToken));
            });

        mutation.Field<UpdateMyAddressPayloadType>("updateMyAddress")
            .Description("Replaces one of your addresses.")
            .Argument<NonNullGraphType<UpdateMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<UpdateMyAddressInput>("input");
                var id = GlobalIds.Guid(i.Id, AddressType.TypeName, "id");
                if (!id.IsSuccess) return CustomerPayload.Failure(id.Errors);
                return CustomerPayload.From(await ctx.Sender().Send(new UpdateMyAddressCommand(id.Value, i.ToInput()), ctx.CancellationToken));
            });

        mutation.Field<RemoveMyAddressPayloadType>("removeMyAddress")
            .Description("Removes one of your addresses; the next of its kind becomes the default.")
            .Argument<NonNullGraphType<RemoveMyAddressInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Guid(ctx.GetArgument<RemoveMyAddressInput>("input").Id, AddressType.TypeName, "id");
                if (!id.IsSuccess) return CustomerPayload.Failure(id.Errors);
                return CustomerPayload.From(await ctx.Sender().Send(new RemoveMyAddressCommand(id.Value), ctx.CancellationToken));
            });
    }
}
