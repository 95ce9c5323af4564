using ConnectingNer.Application.Accounts;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Accounts;

/// <summary>The signed-in customer, as they see themselves.</summary>
public sealed class CustomerType : ObjectGraphType<AccountReadModel>
{
    public const string TypeName = "Customer";

    public CustomerType()
    {
        Name = TypeName;
        Description = "A customer account. Only its owner reads it through `me` for now.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The customer's global id.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id.ToString()));
        Field(a => a.Email).Description("The email address the customer signs in with.");
        Field(a => a.EmailConfirmed).Description("True once the customer opened the confirmation link (or a provider vouched for the address).");
        Field(a => a.DisplayName, nullable: true).Description("How the customer wants to be addressed.");
        Field(a => a.HasPassword).Description("False for accounts that only sign in with Google or Facebook.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalLoginType>>>>("externalLogins")
            .Description("The social logins linked to the account.")
            .Resolve(ctx => ctx.Source.ExternalLogins);
    }
}

public sealed class ExternalLoginType : ObjectGraphType<ExternalLoginReadModel>
{
    public ExternalLoginType()
    {
        Name = "ExternalLogin";
        Description = "A sign-in provider (Google, Facebook) linked to an account.";
        Field(l => l.Provider).Description("The provider's name, e.g. `Google`; pass it to `unlinkExternalLogin`.");
        Field(l => l.ProviderDisplayName).Description("The provider's name for people.");
    }
}

public sealed class RegistrationType : ObjectGraphType<RegistrationReadModel>
{
    public RegistrationType()
    {
        Name = "Registration";
        Description = "An accepted registration. The answer is the same whether or not the address already had an account.";
        Field(r => r.Email).Description("The address the confirmation link was sent to.");
        Field(r => r.NextStep).Description("What the person should do next.");
    }
}

public sealed record RegisterCustomerInput(string Email, string Password, string? DisplayName, string? IdempotencyKey);

public sealed class RegisterCustomerInputType : InputObjectGraphType<RegisterCustomerInput>
{
    public RegisterCustomerInputType()
    {
        Name = "RegisterCustomerInput";
        Description = "A new customer account with a password.";
        Field(i => i.Email).Description($"The customer's email address, at most {AccountErrors.EmailMaxLength} characters.");
        Field(i => i.Password).Description($"{AccountErrors.PasswordMinLength} to {AccountErrors.PasswordMaxLength} characters, at least 4 different ones.");
        Field(i => i.DisplayName, nullable: true).Description($"How to address the customer, at most {AccountErrors.DisplayNameMaxLength} characters.");
        Field(i => i.IdempotencyKey, nullable: true)
            .Description("Any unique string, at most 100 characters: a retry with the same key answers as the first request.");
    }
}

public sealed record UnlinkExternalLoginInput(string Provider);

public sealed class UnlinkExternalLoginInputType : InputObjectGraphType<UnlinkExternalLoginInput>
{
    public UnlinkExternalLoginInputType()
    {
        Name = "UnlinkExternalLoginInput";
        Description = "The social login to remove from your account.";
        Field(i => i.Provider).Description("The provider's name as `externalLogins` lists it, e.g. `Google`.");
    }
}

public sealed class RegisterCustomerPayloadType()
    : PayloadType<RegistrationType, RegistrationReadModel>("RegisterCustomerPayload", "registration", "The result of `registerCustomer`.");

public sealed class UnlinkExternalLoginPayloadType()
    : PayloadType<CustomerType, AccountReadModel>("UnlinkExternalLoginPayload", "customer", "The result of `unlinkExternalLogin`.");
