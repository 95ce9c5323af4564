using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;
using Mediator;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>The signed-in customer replaces one of their addresses.</summary>
public sealed record UpdateMyAddressCommand(Guid AddressId, AddressInput Address) : ICommand<Result<Guid>>;

public sealed class UpdateMyAddressCommandHandler(ICustomerStore customers, ICurrentUser user) : ICommandHandler<UpdateMyAddressCommand, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(UpdateMyAddressCommand command, CancellationToken cancellationToken) =>
        MyCustomer.ChangeAsync(customers, user, c =>
        {
            if (c.Addresses.All(a => a.Id != command.AddressId)) return CustomerErrors.AddressNotFound();
            var address = command.Address.ToAddress(command.AddressId);
            return address.IsSuccess ? c.ReplaceAddress(address.Value) : address;
        }, cancellationToken);
}
