using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Execution;

namespace ConnectingNer.GraphQL.Server.Tests.Errors;

public sealed class ServerErrorInfoProviderTests
{
    private static ServerErrorInfoProvider Provider(bool details = false, bool introspection = true) =>
        new(new GraphQLServerOptions { ExposeExceptionDetails = details, EnableIntrospection = introspection });

    [Fact]
    public void GetInfo_WhenUnhandledException_HidesItBehindInternalCode()
    {
        var error = new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("secret connection string"));

        var info = Provider().GetInfo(error);

        Assert.Equal("Unexpected execution error.", info.Message);
        Assert.Equal(ErrorCodes.Internal, info.Extensions!["code"]);
        Assert.DoesNotContain(info.Extensions.Values, v => v?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void GetInfo_WhenDetailsExposed_KeepsTheMessage()
    {
        var error = new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("boom"));

        var info = Provider(details: true).GetInfo(error);

        Assert.Equal(ErrorCodes.Internal, info.Extensions!["code"]);
        Assert.NotEqual("Unexpected execution error.", info.Message);
    }

    [Fact]
    public void GetInfo_WhenCodedError_KeepsMessageAndCode()
    {
        var info = Provider().GetInfo(new CodedError("NOT_FOUND", "No product matches."));

        Assert.Equal("No product matches.", info.Message);
        Assert.Equal("NOT_FOUND", info.Extensions!["code"]);
    }

    [Fact]
    public void GetInfo_WhenIntrospectionOff_DropsSuggestions()
    {
        var error = new CodedError("FIELDS_ON_CORRECT_TYPE", "Cannot query field 'nam' on type 'Product'. Did you mean 'name'?");

        Assert.Equal("Cannot query field 'nam' on type 'Product'.", Provider(introspection: false).GetInfo(error).Message);
        Assert.EndsWith("Did you mean 'name'?", Provider().GetInfo(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInfo_WhenHandlerTurnedExceptionIntoCodedError_ReportsThatError()
    {
        var error = new UnhandledError("Error trying to resolve field 'x'.", new CodedError("AUTH_NOT_AUTHORIZED", "Denied."));

        var info = Provider().GetInfo(error);

        Assert.Equal("Denied.", info.Message);
        Assert.Equal("AUTH_NOT_AUTHORIZED", info.Extensions!["code"]);
    }

    [Fact]
    public void GetInfo_WhenSyntaxError_KeepsItsCode()
    {
        var info = Provider().GetInfo(new SyntaxError(new GraphQLParser.Exceptions.GraphQLSyntaxErrorException("Expected Name", "{", 1)));

        Assert.Equal("SYNTAX_ERROR", info.Extensions!["code"]);
    }
}
