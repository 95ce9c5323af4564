using System.Reflection;
using System.Text.Json;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Common.Idempotency;

/// <summary>Stores a <see cref="Result{T}"/> response as JSON and restores it (resolved once per response type).</summary>
internal static class ResultCodec<TResponse>
{
    private static readonly Type? ValueType = typeof(TResponse).IsGenericType && typeof(TResponse).GetGenericTypeDefinition() == typeof(Result<>)
        ? typeof(TResponse).GetGenericArguments()[0]
        : null;

    public static bool IsSupported => ValueType is not null;

    private sealed record Envelope(JsonElement? Value, IReadOnlyList<Error> Errors);

    public static string Serialize(TResponse response)
    {
        var result = (Result)(object)response!;
        var value = result.IsSuccess ? typeof(TResponse).GetProperty("Value")!.GetValue(response) : null;
        return JsonSerializer.Serialize(new { Value = value, result.Errors });
    }

    public static TResponse Deserialize(string json)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(json)!;
        if (envelope.Errors.Count > 0)
            return (TResponse)typeof(TResponse).GetMethod("FromErrors", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, [envelope.Errors])!;
        var value = envelope.Value!.Value.Deserialize(ValueType!);
        return (TResponse)typeof(TResponse).GetMethod("Success", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [value])!;
    }
}
