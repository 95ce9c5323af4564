using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ConnectingNer.Domain.Analytics;

/// <summary>How events lose what identifies a person's device: the network instead of the address, the browser instead of the user agent.</summary>
public static partial class Anonymisation
{
    /// <summary>An IPv4 address cut to its /24 network, an IPv6 address to its /48 (an IPv4-mapped IPv6 address as IPv4).</summary>
    public static string? Network(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var (keep, prefix) = address.AddressFamily == AddressFamily.InterNetwork ? (3, 24) : (6, 48);
        for (var i = keep; i < bytes.Length; i++) bytes[i] = 0;
        return $"{new IPAddress(bytes)}/{prefix}";
    }

    /// <summary>
    /// The browser's family and major version from a user agent (<c>Firefox 128</c>, <c>Chrome 120</c>), or
    /// <c>Other</c>: never the rest (operating system build, device model), which helps fingerprint a device.
    /// </summary>
    public static string? Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        foreach (var (family, pattern) in Families)
        {
            var match = pattern.Match(userAgent);
            if (match.Success) return $"{family} {match.Groups[1].Value}";
        }

        return "Other";
    }

    // Order matters: Edge, Opera and Samsung Internet also say Chrome; Chrome also says Safari.
    private static readonly (string Family, Regex Pattern)[] Families =
    [
        ("Edge", EdgePattern()),
        ("Opera", OperaPattern()),
        ("Samsung Internet", SamsungPattern()),
        ("Firefox", FirefoxPattern()),
        ("Chrome", ChromePattern()),
        ("Safari", SafariPattern()),
        ("ConnectingNER app", AppPattern()),
    ];

    [GeneratedRegex(@"\bEdg(?:e|A|iOS)?/(\d{1,4})")]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"\bOPR/(\d{1,4})")]
    private static partial Regex OperaPattern();

    [GeneratedRegex(@"\bSamsungBrowser/(\d{1,4})")]
    private static partial Regex SamsungPattern();

    [GeneratedRegex(@"\b(?:Firefox|FxiOS)/(\d{1,4})")]
    private static partial Regex FirefoxPattern();

    [GeneratedRegex(@"\b(?:Chrome|CriOS)/(\d{1,4})")]
    private static partial Regex ChromePattern();

    [GeneratedRegex(@"\bVersion/(\d{1,4})[.\d]* (?:Mobile/\S+ )?Safari/")]
    private static partial Regex SafariPattern();

    [GeneratedRegex(@"\bConnectingNER/(\d{1,4})")]
    private static partial Regex AppPattern();
}
