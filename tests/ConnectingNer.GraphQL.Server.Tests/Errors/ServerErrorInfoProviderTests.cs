using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Execution;

namespace ConnectingNer.GraphQL.Server.Tests.Errors;

public sealed class ServerErrorInfoProviderTests
{
    private static ServerErrorInfoProvider Provider(bool details = false, bool suggestions = false, string environment = "Development") =>
        new(new GraphQLServerOptions { ExposeExceptionDetails = details, EnableSuggestions = suggestions }, new Environment(environment));

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

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

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void GetInfo_WhenDetailsSettingIsOnOutsideDevelopment_IgnoresIt(string environment)
    {
        var error = new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("secret boom"));

        var info = Provider(details: true, environment: environment).GetInfo(error);

        Assert.Equal("Unexpected execution error.", info.Message);
        Assert.DoesNotContain(info.Extensions!.Keys, k => k is "details" or "stacktrace" or "exception");
        Assert.DoesNotContain(info.Extensions.Values, v => v?.ToString()?.Contains("InvalidOperationException", StringComparison.Ordinal) == true
            || v?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void GetInfo_WhenCodedError_KeepsMessageAndCode()
    {
        var info = Provider().GetInfo(new CodedError("NOT_FOUND", "No product matches."));

        Assert.Equal("No product matches.", info.Message);
        Assert.Equal("NOT_FOUND", info.Extensions!["code"]);
    }

    [Fact]
    public void GetInfo_DropsSuggestions_UnlessTheSettingTurnsThemOn()
    {
        var error = new CodedError("FIELDS_ON_CORRECT_TYPE", "Cannot query field 'nam' on type 'Product'. Did you mean 'name'?");

        Assert.Equal("Cannot query field 'nam' on type 'Product'.", Provider().GetInfo(error).Message);
        Assert.EndsWith("Did you mean 'name'?", Provider(suggestions: true).GetInfo(error).Message, StringComparison.Ordinal);
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
