using System.Text.RegularExpressions;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Consent;

/// <summary>
/// A published version of the privacy policy. A material version changes what people agreed to: consents given under
/// an older version stop counting until the person confirms them again.
/// </summary>
public sealed partial class PrivacyPolicyVersion
{
    public const int VersionMaxLength = 20;
    public const int TextMaxLength = 200_000;
    public const int SummaryMaxLength = 1_000;

    private PrivacyPolicyVersion() { }

    public PrivacyPolicyVersion(string version, string text, string? summary, bool material, DateTimeOffset publishedAt)
    {
        Version = version;
        Text = text;
        Summary = summary;
        Material = material;
        PublishedAt = publishedAt;
    }

    /// <summary>The version's label, such as <c>2026-12</c> or <c>3.1</c>.</summary>
    public string Version { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>What changed, in a few sentences.</summary>
    public string? Summary { get; private set; }

    public bool Material { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public static Result<PrivacyPolicyVersion> Publish(string version, string text, string? summary, bool material, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var label = version?.Trim() ?? "";
        if (!Label().IsMatch(label)) errors.Add(ConsentErrors.PolicyVersionInvalid());
        var body = text?.Trim() ?? "";
        if (body.Length is 0 or > TextMaxLength) errors.Add(ConsentErrors.PolicyTextInvalid(TextMaxLength));
        var note = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        if (note is { Length: > SummaryMaxLength }) errors.Add(ConsentErrors.PolicySummaryTooLong(SummaryMaxLength));
        return errors.Count > 0 ? Result<PrivacyPolicyVersion>.FromErrors(errors) : Result.Success(new PrivacyPolicyVersion(label, body, note, material, now));
    }

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$")]
    private static partial Regex Label();
}
