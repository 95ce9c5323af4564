using ConnectingNer.Application.Common.Behaviors;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Application.Tests.Behaviors;

public sealed class LoggingBehaviorTests
{
    private sealed class Captured<T>(LogLevel enabledFrom) : ILogger<T>
    {
        public List<(LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= enabledFrom;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }

    [Fact]
    public async Task EachRequest_IsOneInformationLine_NamingTheRequestAndItsDuration_NeverItsContent()
    {
        var logger = new Captured<LoggingBehavior<PlainQuery, string>>(LogLevel.Information);
        var next = new Handler<PlainQuery, string>(q => q.Name);

        var answer = await new LoggingBehavior<PlainQuery, string>(logger).Handle(new PlainQuery("secret@example.com"), next.Next, default);

        Assert.Equal("secret@example.com", answer);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.StartsWith("Handled PlainQuery in ", line.Message);
        Assert.EndsWith(" ms", line.Message);
        Assert.DoesNotContain("secret", line.Message);
        Assert.Contains(line.State, p => p.Key == "ElapsedMs" && p.Value is double ms && ms >= 0);
    }

    [Fact]
    public async Task AFailingRequest_IsLoggedToo_AndItsExceptionPassesThrough()
    {
        var logger = new Captured<LoggingBehavior<PlainQuery, string>>(LogLevel.Information);
        var next = new Handler<PlainQuery, string>(_ => throw new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new LoggingBehavior<PlainQuery, string>(logger).Handle(new PlainQuery("x"), next.Next, default).AsTask());

        Assert.StartsWith("Handled PlainQuery in ", Assert.Single(logger.Lines).Message);
    }

    [Fact]
    public async Task NothingIsWritten_WhenInformationIsOff()
    {
        var logger = new Captured<LoggingBehavior<PlainQuery, string>>(LogLevel.Warning);
        var next = new Handler<PlainQuery, string>(q => q.Name);

        await new LoggingBehavior<PlainQuery, string>(logger).Handle(new PlainQuery("x"), next.Next, default);

        Assert.Empty(logger.Lines);
        Assert.Equal(1, next.Calls);
    }
}
