namespace ConnectingNer.Application.Common.Security;

/// <summary>Marks a request that only callers satisfying <see cref="Policy"/> may send.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
