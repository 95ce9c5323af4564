using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Common;

namespace ConnectingNer.GraphQL.Customers.Types;

/// <summary>A mutation's answer about the caller's customer: the customer (read back through the loaders) or the errors.</summary>
public static class CustomerPayload
{
    public static Payload<CustomerIndexRow> From(Result<Guid> result) =>
        result.IsSuccess ? new Payload<CustomerIndexRow>(new CustomerIndexRow { SubjectId = result.Value }, []) : Failure(result.Errors);

    public static Payload<CustomerIndexRow> Failure(IReadOnlyList<Error> errors) => Payload<CustomerIndexRow>.Failure(errors);
}

public sealed class UpdateMyProfilePayloadType()
    : PayloadType<CustomerType, CustomerIndexRow>("UpdateMyProfilePayload", "customer", "The result of `updateMyProfile`.");

public sealed class AddMyAddressPayloadType()
    : PayloadType<CustomerType, CustomerIndexRow>("AddMyAddressPayload", "customer", "The result of `addMyAddress`.");

public sealed class UpdateMyAddressPayloadType()
    : PayloadType<CustomerType, CustomerIndexRow>("UpdateMyAddressPayload", "customer", "The result of `updateMyAddress`.");

public sealed class RemoveMyAddressPayloadType()
    : PayloadType<CustomerType, CustomerIndexRow>("RemoveMyAddressPayload", "customer", "The result of `removeMyAddress`.");
