using System.Text.Json.Serialization;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Accounts.Commands;

/// <summary>
/// Creates a customer account with a password; the email confirmation link goes to the address. Answers the same
/// when the address is taken (its owner gets a "you already have an account" email).
/// </summary>
public sealed record RegisterCustomerCommand(
    string Email, [property: JsonIgnore] string Password, string? DisplayName, string? IdempotencyKey = null)
    : ICommand<Result<RegistrationReadModel>>, IIdempotentCommand
{
    // The idempotency hash is taken over the command's JSON: the password never enters it (JsonIgnore), nor the logs.
    public override string ToString() => $"{nameof(RegisterCustomerCommand)} {{ DisplayName set = {DisplayName is not null} }}";
}

public sealed class RegisterCustomerCommandHandler(IAccountDirectory accounts, IAccountAttemptLimit limit)
    : ICommandHandler<RegisterCustomerCommand, Result<RegistrationReadModel>>
{
    public async ValueTask<Result<RegistrationReadModel>> Handle(RegisterCustomerCommand command, CancellationToken cancellationToken)
    {
        // The input has passed its validator; the page and the mutation both arrive here, so both count against one limit.
        if (!limit.TryAttempt()) return AccountErrors.TooManyAttempts();
        var email = command.Email.Trim();
        var registered = await accounts.RegisterAsync(email, command.Password, command.DisplayName?.Trim(), cancellationToken);
        if (!registered.IsSuccess) return Result<RegistrationReadModel>.FromErrors(registered.Errors);
        // The answer (and so the idempotency record that replays it) holds the address masked, never in clear.
        return Result.Success(new RegistrationReadModel(Masks.Email(email), "Open the link we sent to this address to confirm it, then sign in."));
    }
}
