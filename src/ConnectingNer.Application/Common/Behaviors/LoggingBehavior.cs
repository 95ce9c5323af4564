using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>Outermost behavior: one structured line per request with its duration.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // With the line off (the default level is Warning), the request goes straight on: no timing, no await of its own.
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        logger.IsEnabled(LogLevel.Information) ? HandleLogged(message, next, cancellationToken) : next(message, cancellationToken);

    private async ValueTask<TResponse> HandleLogged(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            // Guarded: the call would box its arguments into an array on every request even when the level is off.
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Handled {Request} in {ElapsedMs:0.0} ms",
                    typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
