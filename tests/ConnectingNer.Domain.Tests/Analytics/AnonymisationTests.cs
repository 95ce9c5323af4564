using System.Net;
using ConnectingNer.Domain.Analytics;

namespace ConnectingNer.Domain.Tests.Analytics;

public sealed class AnonymisationTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    [InlineData("2001:db8:abcd:12:34:56:78:9a", "2001:db8:abcd::/48")]
    [InlineData("::1", "::/48")]
    public void AnAddress_IsCutToItsNetwork(string address, string network) => Assert.Equal(network, Anonymisation.Network(IPAddress.Parse(address)));

    [Fact]
    public void NoAddress_StaysNone() => Assert.Null(Anonymisation.Network(null));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome 120")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", "Edge 120")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "Safari 17")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", "Samsung Internet 23")]
    [InlineData("ConnectingNER/3.2.1 (Android 14; Pixel 8)", "ConnectingNER app 3")]
    [InlineData("curl/8.5.0", "Other")]
    public void AUserAgent_IsCutToTheBrowsersFamilyAndMajorVersion(string userAgent, string browser) =>
        Assert.Equal(browser, Anonymisation.Browser(userAgent));
}
