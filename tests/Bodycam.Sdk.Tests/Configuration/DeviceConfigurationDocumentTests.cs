using System.Text;
using Bodycam.Sdk.Configuration;
using Xunit;

namespace Bodycam.Sdk.Tests.Configuration;

public class DeviceConfigurationDocumentTests
{
    [Fact]
    public void Prepare_CrlfDocument_BecomesLfWithFinalNewline()
    {
        byte[] bytes = DeviceConfigurationDocument.Prepare("version=1\r\n# comment\r\nstop-hold-ms=2000");

        Assert.Equal("version=1\n# comment\nstop-hold-ms=2000\n", Encoding.ASCII.GetString(bytes));
    }

    [Theory]
    [InlineData("version=1\nrecord-always=1\n", "record-always")]
    [InlineData("version=1\nstop-hold-ms=100\n", "stop-hold-ms")]
    [InlineData("version=1\ndebounce-ms=0\n", "debounce-ms")]
    [InlineData("version=1\ndebounce-ms=9\n", "debounce-ms")]
    [InlineData("version=1\nstop-hold-ms=2000\nstop-hold-ms=2000\n", "stop-hold-ms")]
    [InlineData("version=1\npre-record-audio=1\n", "pre-record-audio")]
    [InlineData("version=1\nbattery-critical-percent=20\n", "battery-resume-percent")]
    [InlineData("version=2\n", "version")]
    [InlineData("stop-hold-ms=2000\n", "version")]
    [InlineData("version=1\nstop-hold-ms\n", "line 2")]
    [InlineData("version=1\nstop-hold-ms=2000\u00a0\n", "line 2")]
    public void Prepare_InvalidDocument_NamesTheKey(string text, string field)
    {
        ConfigurationDocumentException e = Assert.Throws<ConfigurationDocumentException>(() => DeviceConfigurationDocument.Prepare(text));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Keys_MatchTheDocumentedThirteen()
    {
        Assert.Equal(13, DeviceConfigurationDocument.Keys.Count);
        Assert.Contains("pre-record-window-ms", DeviceConfigurationDocument.Keys);
    }
}
