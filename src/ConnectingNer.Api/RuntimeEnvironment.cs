namespace ConnectingNer.Api;

/// <summary>
/// The settings of <c>runtime.env</c> (beside the server) are read by the runtime from the environment before any of
/// the server's code runs, so the server cannot apply them itself. At start-up it names those its process was started
/// without, so that a host that forgot to load the file hears of it.
/// </summary>
public static class RuntimeEnvironment
{
    public const string FileName = "runtime.env";

    /// <summary>The names of the file's settings (<c>NAME=value</c> lines) that the environment lacks or gives another value.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> lines, Func<string, string?> environment) =>
        [.. lines.Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Where(setting => setting.Length == 2
                && !string.Equals(environment(setting[0].Trim()), setting[1].Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(setting => setting[0].Trim())];

    public static void WarnIfMissing(ILogger logger)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(path)) return;
        var missing = Missing(File.ReadLines(path), Environment.GetEnvironmentVariable);
        if (missing.Count > 0)
            logger.LogWarning(
                "The server was started without these settings of {File}: {Settings}. The runtime reads them only from the "
                + "environment (systemd: EnvironmentFile=, docker: --env-file); without them it holds more memory under load",
                path, string.Join(", ", missing));
    }
}
