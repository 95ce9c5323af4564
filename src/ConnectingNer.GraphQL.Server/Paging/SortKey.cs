using System.Linq.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>One key of an order: a member of the read model and a direction. Keyset paging seeks on these.</summary>
public sealed record SortKey(LambdaExpression Member, bool Descending)
{
    public Type Type => Member.ReturnType;
}
