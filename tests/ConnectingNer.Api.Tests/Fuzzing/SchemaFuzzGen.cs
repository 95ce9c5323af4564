using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using GraphQL.Types;

namespace ConnectingNer.Api.Tests.Fuzzing;

/// <summary>
/// Generates requests from the server's own schema: documents that pick real root fields, arguments and selections and
/// fill them with valid and wrong values (huge and negative numbers, unicode and control characters, unknown enum
/// values, wrongly typed variables), deep nesting, aliases, fragments and directives, sometimes cut short; and raw
/// bodies (random bytes, truncated JSON, wrong shapes and content types). The size it reports grows with the document,
/// so CsCheck shrinks a failure towards the smallest request that still fails.
/// </summary>
public sealed class SchemaFuzzGen(ISchema schema, IReadOnlyList<string> principals) : Gen<FuzzCase>
{
    private static readonly string[] Strings =
    [
        "", " ", "a", "Assam tea", "অসম", "असम", "🍵🫖", "\u0000", "\u0001\u001f", "\ud83d", "' OR 1=1 --", "%", "_", "\\", "\"",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "NaN", "-0", "1e309", "null", "{}", "[]",
    ];

    private static readonly string[] ValidInts = ["0", "1", "-1", "2", "5", "50", "51", "-50", "2147483647", "-2147483648"];

    private static readonly string[] Ints =
        ["0", "1", "-1", "50", "51", "-50", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "1.5", "1e3"];

    public override FuzzCase Generate(PCG pcg, Size? min, out Size size)
    {
        var r = new Random(pcg);
        var principal = principals[r.Next(principals.Count)];
        var roll = r.Next(100);
        FuzzCase result;
        if (roll < 70) result = Document(r, principal, get: false);
        else if (roll < 80) result = Document(r, principal, get: true);
        else result = RawBody(r, principal);
        size = new Size((ulong)((result.Body?.Length ?? 0) + result.Url.Length));
        return result;
    }

    /// <summary>Random choices drawn from CsCheck's generator state (so a seed replays the same request).</summary>
    private sealed class Random(PCG pcg)
    {
        public int Next(int max) => max <= 1 ? 0 : (int)pcg.Next((uint)max);

        public bool Chance(int percent) => Next(100) < percent;

        /// <summary>Half the documents carry no deliberate mistake, so that they reach the resolvers and the database.</summary>
        public bool Clean { get; set; }

        /// <summary>A deliberate mistake, never in a clean document.</summary>
        public bool Fault(int percent) => !Clean && Chance(percent);

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
    }

    private FuzzCase Document(Random r, string principal, bool get)
    {
        r.Clean = r.Chance(50);
        var variables = new Dictionary<string, string>();
        var declarations = new List<string>();
        var mutation = !get && schema.Mutation is not null && r.Chance(25);
        var root = mutation ? (IComplexGraphType)schema.Mutation! : schema.Query;
        var text = new StringBuilder();
        var fragments = new List<string>();
        text.Append(mutation ? "mutation" : "query").Append(r.Chance(50) ? " Fuzz" : "");
        var body = new StringBuilder();
        var roots = 1 + r.Next(3);
        for (var i = 0; i < roots; i++)
        {
            var field = r.Pick(root.Fields.ToList());
            body.Append(' ').Append(Field(r, field, depth: 0, variables, declarations, fragments));
        }

        if (r.Chance(10)) body.Append(" __typename");
        var declared = declarations.Count > 0 ? "(" + string.Join(", ", declarations) + ")" : "";
        var document = text + declared + " {" + body + " }" + string.Concat(fragments);
        if (r.Fault(8)) document = document[..r.Next(document.Length + 1)];
        if (r.Fault(4)) document = document.Insert(r.Next(document.Length + 1), r.Pick(["{", "}", "(", "$", "@", "\"", "...", "#", "\u0000"]));
        var variablesJson = variables.Count == 0 && !r.Chance(10)
            ? null
            : "{" + string.Join(",", variables.Select(v => JsonSerializer.Serialize(v.Key) + ":" + v.Value)) + "}";

        if (get)
        {
            var url = "/graphql?query=" + Uri.EscapeDataString(document)
                + (variablesJson is null ? "" : "&variables=" + Uri.EscapeDataString(variablesJson));
            return new FuzzCase(principal, "GET", url, null, null, "document/get");
        }

        var json = "{\"query\":" + JsonSerializer.Serialize(document) + (variablesJson is null ? "" : ",\"variables\":" + variablesJson)
            + (r.Chance(10) ? ",\"operationName\":" + r.Pick(["\"Fuzz\"", "\"Other\"", "null", "1"]) : "") + "}";
        return new FuzzCase(principal, "POST", "/graphql", "application/json", Encoding.UTF8.GetBytes(json), mutation ? "document/mutation" : "document/query");
    }

    private string Field(Random r, FieldType field, int depth, Dictionary<string, string> variables, List<string> declarations, List<string> fragments)
    {
        var sb = new StringBuilder();
        if (r.Chance(25)) sb.Append('a').Append(r.Next(20)).Append(": ");
        sb.Append(field.Name);
        var arguments = field.Arguments?.Where(a => a.ResolvedType is NonNullGraphType || r.Chance(60)).ToList() ?? [];
        if (r.Fault(5)) arguments = [.. arguments, new QueryArgument<IntGraphType> { Name = "nope" + r.Next(3), ResolvedType = new IntGraphType() }];
        if (arguments.Count > 0)
        {
            sb.Append('(').AppendJoin(", ", arguments.Select(a => a.Name + ": " + Argument(r, a.ResolvedType!, variables, declarations))).Append(')');
        }

        if (r.Fault(8)) sb.Append(r.Pick([" @include(if: true)", " @skip(if: false)", " @skip(if: $nope)", " @nope", " @include(if: \"yes\")"]));
        var named = Named(field.ResolvedType!);
        // Usually a few levels, now and then as deep as a hostile client goes.
        var maxDepth = r.Fault(5) ? 25 : 4;
        if (named is IComplexGraphType complex || named is IAbstractGraphType)
        {
            if (depth >= maxDepth) return sb.Append(" { __typename }").ToString();
            sb.Append(" {");
            var candidates = Candidates(named);
            var count = 1 + r.Next(4);
            for (var i = 0; i < count && candidates.Count > 0; i++)
            {
                var (owner, child) = r.Pick(candidates);
                var selection = Field(r, child, depth + 1, variables, declarations, fragments);
                if (owner != named.Name || r.Chance(10))
                    sb.Append(" ... on ").Append(owner).Append(" { ").Append(selection).Append(" }");
                else if (r.Chance(10))
                {
                    var name = "F" + fragments.Count;
                    fragments.Add($" fragment {name} on {owner} {{ {selection} }}");
                    sb.Append(" ...").Append(name);
                }
                else sb.Append(' ').Append(selection);
            }

            sb.Append(" }");
        }
        else if (r.Fault(3))
        {
            sb.Append(" { nope }");
        }

        return sb.ToString();
    }

    /// <summary>Fields to select below a type: its own, or each possible type's for an interface or union.</summary>
    private static List<(string Owner, FieldType Field)> Candidates(IGraphType named) => named switch
    {
        IAbstractGraphType abstractType => [.. abstractType.PossibleTypes.SelectMany(t => t.Fields.Select(f => (t.Name, f)))],
        IComplexGraphType complex => [.. complex.Fields.Select(f => (complex.Name, f))],
        _ => [],
    };

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Named(nonNull.ResolvedType!),
        ListGraphType list => Named(list.ResolvedType!),
        _ => type,
    };

    private string Argument(Random r, IGraphType type, Dictionary<string, string> variables, List<string> declarations)
    {
        if (!r.Chance(20)) return Literal(r, type, 0);
        // A variable, declared with its own type or a wrong one, with a JSON value that may disagree with both.
        var name = "v" + variables.Count;
        var declaredType = !r.Fault(30) ? TypeName(type) : r.Pick(["Int", "String!", "[Int]", "Boolean", "ID!", "Nope"]);
        declarations.Add($"${name}: {declaredType}");
        if (!r.Fault(10)) variables[name] = Json(r, type, 0);
        return "$" + name;
    }

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>A GraphQL literal for the type, right four times in five.</summary>
    private static string Literal(Random r, IGraphType type, int depth)
    {
        if (r.Fault(15) || depth > 4) return r.Pick(["null", "0", "-1", "\"x\"", "true", "[]", "{}", "NOPE", "1.5", "99999999999999999999", "\"\""]);
        switch (type)
        {
            case NonNullGraphType nonNull: return Literal(r, nonNull.ResolvedType!, depth);
            case ListGraphType list:
                return r.Chance(20) ? Literal(r, list.ResolvedType!, depth + 1)
                    : "[" + string.Join(", ", Enumerable.Range(0, r.Next(4)).Select(_ => Literal(r, list.ResolvedType!, depth + 1))) + "]";
            case EnumerationGraphType enumeration:
                return !r.Fault(15) ? r.Pick(enumeration.Values.Select(v => v.Name).ToList()) : "NOT_A_VALUE";
            case IInputObjectGraphType input:
                var fields = input.Fields.Where(f => f.ResolvedType is NonNullGraphType || r.Chance(50)).ToList();
                var entries = fields.Select(f => f.Name + ": " + Literal(r, f.ResolvedType!, depth + 1)).ToList();
                if (r.Fault(5)) entries.Add("unknownField: 1");
                return "{" + string.Join(", ", entries) + "}";
            default:
                return type.Name switch
                {
                    "Int" or "Long" or "Decimal" => r.Pick(r.Clean ? ValidInts : Ints),
                    "Float" => r.Pick(["0.0", "-1.5", "1e308", "1e309", "3.14", "-0"]),
                    "Boolean" => r.Chance(50) ? "true" : "false",
                    "ID" => GraphQLString(Id(r)),
                    _ => GraphQLString(Text(r)),
                };
        }
    }

    /// <summary>A JSON value for a variable of the type, right four times in five.</summary>
    private static string Json(Random r, IGraphType type, int depth)
    {
        if (r.Fault(15) || depth > 4) return r.Pick(["null", "0", "-1", "\"x\"", "true", "[]", "{}", "1e400", "-99999999999999999999", "\"\\u0000\""]);
        switch (type)
        {
            case NonNullGraphType nonNull: return Json(r, nonNull.ResolvedType!, depth);
            case ListGraphType list:
                return "[" + string.Join(",", Enumerable.Range(0, r.Next(4)).Select(_ => Json(r, list.ResolvedType!, depth + 1))) + "]";
            case EnumerationGraphType enumeration:
                return JsonSerializer.Serialize(!r.Fault(15) ? r.Pick(enumeration.Values.Select(v => v.Name).ToList()) : "NOT_A_VALUE");
            case IInputObjectGraphType input:
                return "{" + string.Join(",", input.Fields.Where(f => f.ResolvedType is NonNullGraphType || r.Chance(50))
                    .Select(f => JsonSerializer.Serialize(f.Name) + ":" + Json(r, f.ResolvedType!, depth + 1))) + "}";
            default:
                return type.Name switch
                {
                    "Int" or "Long" or "Decimal" => r.Pick(r.Clean ? ValidInts : Ints),
                    "Float" => r.Pick(["0.0", "-1.5", "1e308", "3.14"]),
                    "Boolean" => r.Chance(50) ? "true" : "false",
                    "ID" => JsonSerializer.Serialize(Id(r)),
                    _ => JsonSerializer.Serialize(Text(r)),
                };
        }
    }

    private static string Id(Random r) => r.Next(5) switch
    {
        0 => Convert.ToBase64String(Encoding.UTF8.GetBytes("Product:" + r.Pick(Ints))),
        1 => Convert.ToBase64String(Encoding.UTF8.GetBytes("Customer:" + (r.Chance(50) ? Guid.Empty : new Guid(r.Next(int.MaxValue), 1, 2, [1, 2, 3, 4, 5, 6, 7, 8])))),
        2 => Convert.ToBase64String(Encoding.UTF8.GetBytes(r.Pick(["Category:1", "Address:x", "Nope:1", ":", "Product:", "Product:1:2"]))),
        3 => r.Pick(["", "not-base64!", "====", "UHJvZHVjdDox", "AAAA"]),
        _ => Text(r),
    };

    private static string Text(Random r)
    {
        var text = r.Pick(Strings);
        if (r.Chance(20)) text = string.Concat(Enumerable.Repeat(text.Length == 0 ? "x" : text, 1 + r.Next(400)));
        if (r.Chance(20)) text += (char)r.Next(0x3000);
        return text;
    }

    /// <summary>A GraphQL string literal: quotes, backslashes and control characters escaped (lone surrogates kept, to be refused).</summary>
    private static string GraphQLString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    private static FuzzCase RawBody(Random r, string principal)
    {
        var valid = """{"query":"query($n: Int) { products(first: $n) { nodes { sku name } } }","variables":{"n":2}}""";
        var method = r.Chance(90) ? "POST" : r.Pick(["PUT", "DELETE", "PATCH", "OPTIONS"]);
        byte[] body = r.Next(6) switch
        {
            0 => [.. Enumerable.Range(0, r.Next(300)).Select(_ => (byte)r.Next(256))],
            1 => Encoding.UTF8.GetBytes(valid[..r.Next(valid.Length)]),
            2 => Encoding.UTF8.GetBytes(r.Pick([
                "[]", "\"x\"", "1", "null", "{}", """{"query":1}""", """{"query":null}""", """{"query":"{ __typename }","variables":"x"}""",
                """{"query":"{ __typename }","extensions":[1]}""", """{"query":"{ __typename }","operationName":{}}""",
                """[{"query":"{ __typename }"},{"query":"{ __typename }"}]""", "{\"query\":\"{ __typename }\"" + new string(' ', 10) + ",}",
            ])),
            3 => Encoding.UTF8.GetBytes("{\"query\":\"" + new string('{', 1 + r.Next(3000)) + "\"}"),
            4 => Encoding.UTF8.GetBytes("{\"query\":\"{ " + string.Concat(Enumerable.Repeat("products { nodes { ", 1 + r.Next(60))) + "\"}"),
            _ => Encoding.UTF8.GetBytes(valid),
        };
        var contentType = r.Chance(60) ? "application/json"
            : r.Pick<string?>(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "application/graphql", null, "application/json; charset=utf-8", "*/*"]);
        return new FuzzCase(principal, method, "/graphql", contentType, body, "raw");
    }
}
