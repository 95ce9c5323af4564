using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Common;

/// <summary>A mutation payload <c>{ value-field errors }</c>; subclasses name it and its value field.</summary>
public abstract class PayloadType<TValueType, TValue> : ObjectGraphType<Payload<TValue>>
    where TValueType : IGraphType
    where TValue : class
{
    protected PayloadType(string name, string valueField, string description)
    {
        Name = name;
        Description = description;
        Field<TValueType>(valueField).Description($"The {valueField} as it now is; null when there are errors.")
            .ResolveFromSource(source => source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why nothing was changed; empty on success.")
            .ResolveFromSource(source => source.Errors);
    }
}
