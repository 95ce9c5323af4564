using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Authorization;

[Collection(LibraryCollection.Name)]
public sealed class TypeLevelAuthorizationTests(LibraryDatabase database)
{
    [Fact]
    public async Task AGuardedType_ClosesEachOfItsFields_EvenOnesMarkedAnonymous()
    {
        var server = await database.DefaultServerAsync();

        var anonymous = await server.PostAsync("{ vault { contents sign } }");
        var reader = await server.PostAsync("{ vault { contents sign } }", user: "reader");
        var librarian = await server.PostAsync("{ vault { contents sign } }", user: "ada;librarian");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.Data.GetProperty("vault").GetProperty("contents").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.Data.GetProperty("vault").GetProperty("sign").ValueKind);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED", "AUTH_NOT_AUTHENTICATED"], anonymous.Codes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], reader.Codes);
        Assert.Equal("Vault", librarian.Data.GetProperty("vault").GetProperty("sign").GetString());
        Assert.Equal("the contents of vault", librarian.Data.GetProperty("vault").GetProperty("contents").GetString());
        Assert.False(librarian.HasErrors);
    }

    [Fact]
    public async Task AnyOfTheRoles_OpensARoleGuardedField()
    {
        var server = await database.DefaultServerAsync();

        var archivist = await server.PostAsync("{ books(first: 1) { nodes { staffNote } } }", user: "cy;archivist");

        Assert.Equal("staff note", archivist.Data.GetProperty("books").GetProperty("nodes")[0].GetProperty("staffNote").GetString());
        Assert.False(archivist.HasErrors);
    }

    [Fact]
    public async Task ADenial_SaysWhyAndWhere()
    {
        var server = await database.DefaultServerAsync();

        var anonymous = await server.PostAsync("{ whoAmI }");
        var reader = await server.PostAsync("{ books(first: 1) { nodes { secretNote } } }", user: "reader");

        var error = anonymous.Json.GetProperty("errors")[0];
        Assert.Equal("The current user is not authenticated.", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
        Assert.Equal("The current user is not authorized to access this resource.", reader.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
