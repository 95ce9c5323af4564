using System.Text;

namespace ConnectingNer.Api.Tests.Fuzzing;

/// <summary>One request the fuzzer sends: who sends it, how, and what.</summary>
public sealed record FuzzCase(string Principal, string Method, string Url, string? ContentType, byte[]? Body, string Shape)
{
    /// <summary>What CsCheck prints for a failing (shrunk) case: enough to replay it by hand.</summary>
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        if (body.Length > 1500) body = body[..1500] + "…";
        return $"[{Shape}] {Principal} {Method} {Url} ({ContentType ?? "no content type"})\n{body}";
    }
}
