using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>The signed-in customer removes one of their addresses; the next of its kind becomes the default.</summary>
public sealed record RemoveMyAddressCommand(Guid AddressId) : ICommand<Result<Guid>>;

public sealed class RemoveMyAddressCommandHandler(ICustomerStore customers, ICurrentUser user) : ICommandHandler<RemoveMyAddressCommand, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(RemoveMyAddressCommand command, CancellationToken cancellationToken) =>
        MyCustomer.ChangeAsync(customers, user, c => c.RemoveAddress(command.AddressId), cancellationToken);
}
