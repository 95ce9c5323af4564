using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>The signed-in customer adds an address; retried with its idempotency key it adds nothing more.</summary>
public sealed record AddMyAddressCommand(AddressInput Address, string? IdempotencyKey = null) : ICommand<Result<Guid>>, IIdempotentCommand;

public sealed class AddMyAddressCommandHandler(ICustomerStore customers, ICurrentUser user) : ICommandHandler<AddMyAddressCommand, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(AddMyAddressCommand command, CancellationToken cancellationToken) =>
        MyCustomer.ChangeAsync(customers, user, c =>
        {
            var address = command.Address.ToAddress(Guid.CreateVersion7());
            return address.IsSuccess ? c.AddAddress(address.Value) : address;
        }, cancellationToken);
}
