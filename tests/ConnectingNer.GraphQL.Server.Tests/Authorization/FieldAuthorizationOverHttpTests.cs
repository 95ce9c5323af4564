using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Authorization;

/// <summary>The field middleware over HTTP: a denied field is null with its error, the rest of the answer stays.</summary>
[Collection(LibraryCollection.Name)]
public sealed class FieldAuthorizationOverHttpTests(LibraryDatabase database)
{
    private const string Query = "{ books(first: 1) { nodes { title secretNote staffNote openNote } } }";

    private static System.Text.Json.JsonElement Node(Answer answer) => answer.Data.GetProperty("books").GetProperty("nodes")[0];

    [Fact]
    public async Task AnAnonymousCaller_GetsNullAndNotAuthenticated_ForEachGuardedField()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync(Query);

        Assert.Equal("Anna Karenina", Node(answer).GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Node(answer).GetProperty("secretNote").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Node(answer).GetProperty("staffNote").ValueKind);
        Assert.Equal("open", Node(answer).GetProperty("openNote").GetString());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED", "AUTH_NOT_AUTHENTICATED"], answer.Codes);
        Assert.Equal(["books", "nodes", "0", "secretNote"],
            answer.Json.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.ToString()));
    }

    [Fact]
    public async Task ASignedInCallerWithoutTheRoleOrPolicy_GetsNotAuthorized()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync(Query, user: "reader");

        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], answer.Codes);
    }

    [Fact]
    public async Task ThePolicyAndTheRole_OpenTheirFields()
    {
        var server = await database.DefaultServerAsync();

        var librarian = await server.PostAsync(Query, user: "ada;librarian");
        var staff = await server.PostAsync(Query, user: "bo;staff");

        Assert.Equal("note on Anna Karenina", Node(librarian).GetProperty("secretNote").GetString());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], librarian.Codes);
        Assert.Equal("staff note", Node(staff).GetProperty("staffNote").GetString());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], staff.Codes);
    }

    [Fact]
    public async Task AuthorizeAlone_NeedsOnlyASignedInCaller()
    {
        var server = await database.DefaultServerAsync();

        var anonymous = await server.PostAsync("{ whoAmI }");
        var signedIn = await server.PostAsync("{ whoAmI }", user: "ada");

        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.FirstCode);
        Assert.Equal("ada", signedIn.Data.GetProperty("whoAmI").GetString());
        Assert.False(signedIn.HasErrors);
    }
}
