using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Data.Filtering;

/// <summary>Operators of one scalar, with HotChocolate's names. <c>and</c>/<c>or</c> combine operator sets.</summary>
public abstract class OperationFilterInputType : InputObjectGraphType<object>
{
    protected OperationFilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    protected void Operator<TGraphType>(string name, string description) where TGraphType : IGraphType =>
        Field<TGraphType>(name).Description(description);

    protected void Equality<TScalar>() where TScalar : ScalarGraphType
    {
        Operator<TScalar>("eq", "Equal to.");
        Operator<TScalar>("neq", "Not equal to.");
    }

    protected void Membership<TScalar>() where TScalar : ScalarGraphType
    {
        Operator<ListGraphType<TScalar>>("in", "One of the values (at most 1000).");
        Operator<ListGraphType<TScalar>>("nin", "None of the values (at most 1000).");
    }

    protected void Combinators()
    {
        AddField(new FieldType { Name = "and", Description = "All of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(this)) });
        AddField(new FieldType { Name = "or", Description = "At least one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(this)) });
    }
}

/// <summary>String operators; <c>contains</c>, <c>startsWith</c> and <c>endsWith</c> ignore letter case (ILIKE), unlike HotChocolate.</summary>
public sealed class StringOperationFilterInputType : OperationFilterInputType
{
    public StringOperationFilterInputType() : base("StringOperationFilterInput", "Conditions on a text value.")
    {
        Combinators();
        Equality<StringGraphType>();
        Operator<StringGraphType>("contains", "Contains the text, ignoring letter case.");
        Operator<StringGraphType>("ncontains", "Does not contain the text, ignoring letter case.");
        Membership<StringGraphType>();
        Operator<StringGraphType>("startsWith", "Starts with the text, ignoring letter case.");
        Operator<StringGraphType>("nstartsWith", "Does not start with the text, ignoring letter case.");
        Operator<StringGraphType>("endsWith", "Ends with the text, ignoring letter case.");
        Operator<StringGraphType>("nendsWith", "Does not end with the text, ignoring letter case.");
    }
}

/// <summary>Operators of an ordered scalar (numbers, dates).</summary>
public abstract class ComparableOperationFilterInputType<TScalar> : OperationFilterInputType where TScalar : ScalarGraphType
{
    protected ComparableOperationFilterInputType(string name, string what) : base(name, $"Conditions on {what}.")
    {
        Combinators();
        Equality<TScalar>();
        Membership<TScalar>();
        Operator<TScalar>("gt", "Greater than.");
        Operator<TScalar>("ngt", "Not greater than.");
        Operator<TScalar>("gte", "Greater than or equal to.");
        Operator<TScalar>("ngte", "Not greater than or equal to.");
        Operator<TScalar>("lt", "Less than.");
        Operator<TScalar>("nlt", "Not less than.");
        Operator<TScalar>("lte", "Less than or equal to.");
        Operator<TScalar>("nlte", "Not less than or equal to.");
    }
}

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput", "a whole number");

public sealed class LongOperationFilterInputType() : ComparableOperationFilterInputType<LongGraphType>("LongOperationFilterInput", "a long whole number");

public sealed class DecimalOperationFilterInputType() : ComparableOperationFilterInputType<DecimalGraphType>("DecimalOperationFilterInput", "a decimal number");

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeOffsetGraphType>("DateTimeOperationFilterInput", "a point in time");

public sealed class BooleanOperationFilterInputType : OperationFilterInputType
{
    public BooleanOperationFilterInputType() : base("BooleanOperationFilterInput", "Conditions on a true/false value.")
    {
        Combinators();
        Equality<BooleanGraphType>();
    }
}

/// <summary>Operators of an enum; subclasses name it after the enum (<c>StockStatusOperationFilterInput</c>).</summary>
public abstract class EnumOperationFilterInputType<TEnumGraphType> : OperationFilterInputType where TEnumGraphType : ScalarGraphType
{
    protected EnumOperationFilterInputType(string name) : base(name, "Conditions on an enumerated value.")
    {
        Combinators();
        Equality<TEnumGraphType>();
        Membership<TEnumGraphType>();
    }
}

/// <summary>Conditions on a list of strings: some, all or none of its items match, or it has any items at all.</summary>
public sealed class ListStringOperationFilterInputType : InputObjectGraphType<object>
{
    public ListStringOperationFilterInputType()
    {
        Name = "ListStringOperationFilterInput";
        Description = "Conditions on a list of text values.";
        Field<StringOperationFilterInputType>("all").Description("Every item matches.");
        Field<StringOperationFilterInputType>("none").Description("No item matches.");
        Field<StringOperationFilterInputType>("some").Description("At least one item matches.");
        Field<BooleanGraphType>("any").Description("True: the list has items; false: it is empty.");
    }
}
