using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>An export as its owner sees it: when it was made, until when the link works, and the link.</summary>
public sealed record DataExportReadModel(Guid Id, string Reference, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int SizeInBytes, string DownloadUrl);

/// <summary>A downloaded export: the file's name and its JSON.</summary>
public sealed record DataExportFile(string FileName, byte[] Json);

/// <summary>
/// Data exports (Infrastructure: a background job writes them, sealed with the customer's data key; links are signed
/// and expire with the file).
/// </summary>
public interface IDataExports
{
    /// <summary>Tells the export job a request is waiting, so it starts now rather than at its next poll.</summary>
    void Wake();

    /// <summary>The customer's exports whose links still work, newest first.</summary>
    Task<IReadOnlyList<DataExportReadModel>> MineAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>The file behind a download link; a forged, altered or expired link (or an erased customer) gets an error and nothing.</summary>
    Task<Result<DataExportFile>> DownloadAsync(string? token, CancellationToken cancellationToken);

    /// <summary>What is held about a newsletter subscriber without an account (the address, the subscription, consent decisions), as a file.</summary>
    Task<DataExportFile> SubscriberFileAsync(Guid subscriberId, string reference, CancellationToken cancellationToken);
}

/// <summary>Stable error codes of data exports.</summary>
public static class DataExportErrors
{
    public static Error LinkInvalid() => new("export.link_invalid", "This download link is not valid: it was altered or never issued.", "token");

    public static Error LinkExpired() =>
        new("export.link_expired", "This download link has expired and the file is deleted. Ask for a new export.", "token");
}
