using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>The signed-in customer changes their profile; null fields stay, empty strings clear name or phone.</summary>
public sealed record UpdateMyProfileCommand(string? Name, string? Phone, DateOnly? BirthDate, bool? AffirmLegalAge, string? GuardianName)
    : ICommand<Result<Guid>>;

public sealed class UpdateMyProfileCommandHandler(ICustomerStore customers, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateMyProfileCommand, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(UpdateMyProfileCommand command, CancellationToken cancellationToken) =>
        MyCustomer.ChangeAsync(customers, user,
            c => c.UpdateProfile(command.Name, command.Phone, command.BirthDate, command.AffirmLegalAge, command.GuardianName, clock.GetUtcNow()),
            cancellationToken);
}
