using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Privacy;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Accounts.Types;

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
        Field(r => r.Email).Description("The address the confirmation link was sent to, masked (`a***@gmail.com`).")
            .AlwaysMasked(DataCategories.ContactEmail);
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
    : PayloadType<CustomerType, CustomerIndexRow>("UnlinkExternalLoginPayload", "customer", "The result of `unlinkExternalLogin`.");
