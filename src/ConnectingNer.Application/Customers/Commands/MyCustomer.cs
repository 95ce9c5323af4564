using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Application.Customers.Commands;

/// <summary>
/// The shape every change of the caller's own profile shares: lock the caller's customer row, change the aggregate,
/// save it encrypted; the answer is the customer's id (the API reads the customer back through its loaders).
/// </summary>
internal static class MyCustomer
{
    public static async ValueTask<Result<Guid>> ChangeAsync(
        ICustomerStore customers, ICurrentUser user, Func<Customer, Result> change, CancellationToken cancellationToken)
    {
        if (!user.TryGetPersonId(out var id)) return AccountErrors.NotSignedIn();
        await customers.LockAsync(id, cancellationToken);
        var customer = await customers.FindAsync(id, cancellationToken);
        if (customer is null) return AccountErrors.NotSignedIn();
        var changed = change(customer);
        if (!changed.IsSuccess) return Result<Guid>.FromErrors(changed.Errors);
        await customers.UpdateAsync(customer, cancellationToken);
        return Result.Success(id);
    }
}
