using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Customers;

/// <summary>The signed-in customer changes their profile; null fields stay, empty strings clear name or phone.</summary>
public sealed record UpdateMyProfileCommand(string? Name, string? Phone, DateOnly? BirthDate, bool? AffirmLegalAge, string? GuardianName)
    : ICommand<Result<Guid>>;

/// <summary>Address fields as the customer sends them.</summary>
public sealed record AddressInput(
    AddressKind Kind, string RecipientName, string Line1, string? Line2, string City, string State, string PostalCode,
    string CountryCode, string? Phone, bool IsDefault);

public sealed record AddMyAddressCommand(AddressInput Address, string? IdempotencyKey = null) : ICommand<Result<Guid>>, IIdempotentCommand;

public sealed record UpdateMyAddressCommand(Guid AddressId, AddressInput Address) : ICommand<Result<Guid>>;

public sealed record RemoveMyAddressCommand(Guid AddressId) : ICommand<Result<Guid>>;

/// <summary>
/// The four profile commands share one shape: lock the caller's customer row, change the aggregate, save it
/// encrypted; each answers the customer's id (the API reads the customer back through its loaders).
/// </summary>
public sealed class MyProfileHandlers(ICustomerStore customers, ICurrentUser user, TimeProvider clock) :
    ICommandHandler<UpdateMyProfileCommand, Result<Guid>>,
    ICommandHandler<AddMyAddressCommand, Result<Guid>>,
    ICommandHandler<UpdateMyAddressCommand, Result<Guid>>,
    ICommandHandler<RemoveMyAddressCommand, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(UpdateMyProfileCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(c => c.UpdateProfile(command.Name, command.Phone, command.BirthDate, command.AffirmLegalAge, command.GuardianName, clock.GetUtcNow()),
            cancellationToken);

    public ValueTask<Result<Guid>> Handle(AddMyAddressCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(c =>
        {
            var address = Create(Guid.CreateVersion7(), command.Address);
            return address.IsSuccess ? c.AddAddress(address.Value) : address;
        }, cancellationToken);

    public ValueTask<Result<Guid>> Handle(UpdateMyAddressCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(c =>
        {
            if (c.Addresses.All(a => a.Id != command.AddressId)) return CustomerErrors.AddressNotFound();
            var address = Create(command.AddressId, command.Address);
            return address.IsSuccess ? c.ReplaceAddress(address.Value) : address;
        }, cancellationToken);

    public ValueTask<Result<Guid>> Handle(RemoveMyAddressCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(c => c.RemoveAddress(command.AddressId), cancellationToken);

    private static Result<Address> Create(Guid id, AddressInput a) =>
        Address.Create(id, a.Kind, a.RecipientName, a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.CountryCode, a.Phone, a.IsDefault);

    private async ValueTask<Result<Guid>> ChangeAsync(Func<Customer, Result> change, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.SubjectId, out var id)) return Accounts.AccountErrors.NotSignedIn();
        await customers.LockAsync(id, cancellationToken);
        var customer = await customers.FindAsync(id, cancellationToken);
        if (customer is null) return Accounts.AccountErrors.NotSignedIn();
        var changed = change(customer);
        if (!changed.IsSuccess) return Result<Guid>.FromErrors(changed.Errors);
        await customers.UpdateAsync(customer, cancellationToken);
        return Result.Success(id);
    }
}

/// <summary>The signed-in person's customer id; null for anonymous callers and partner clients.</summary>
public sealed record GetMyCustomerIdQuery : IQuery<Guid?>;

public sealed class GetMyCustomerIdQueryHandler(ICustomerStore customers, ICurrentUser user) : IQueryHandler<GetMyCustomerIdQuery, Guid?>
{
    public async ValueTask<Guid?> Handle(GetMyCustomerIdQuery query, CancellationToken cancellationToken) =>
        Guid.TryParse(user.SubjectId, out var id) && await customers.Index.AnyAsync(r => r.SubjectId == id, cancellationToken) ? id : null;
}

/// <summary>Customers by id, decrypted, for the API's loaders (authorization happens per field).</summary>
public sealed record LoadCustomersQuery(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, CustomerReadModel>>;

public sealed class LoadCustomersQueryHandler(ICustomerReader reader) : IQueryHandler<LoadCustomersQuery, IReadOnlyDictionary<Guid, CustomerReadModel>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, CustomerReadModel>> Handle(LoadCustomersQuery query, CancellationToken cancellationToken) =>
        await reader.LoadAsync(query.Ids, cancellationToken);
}
