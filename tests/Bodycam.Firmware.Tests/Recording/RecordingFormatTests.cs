using Bodycam.Firmware.Recording;
using Xunit;

namespace Bodycam.Firmware.Tests.Recording;

public class RecordingFormatTests
{
    [Fact]
    public void FileName_RoundTripsThroughTryParse()
    {
        string id = "0123456789abcdef0123456789abcdef";

        string name = RecordingFormat.FileName(id, 7);

        Assert.Equal(id + "-007.bcr", name);
        Assert.True(RecordingFormat.TryParseFileName(name, out string back, out int index));
        Assert.Equal(id, back);
        Assert.Equal(7, index);
    }

    [Theory]
    [InlineData("audit.log")]
    [InlineData("0123456789abcdef0123456789abcdeF-000.bcr")]
    [InlineData("0123456789abcdef0123456789abcdef_000.bcr")]
    [InlineData("0123456789abcdef0123456789abcdef-00x.bcr")]
    [InlineData("0123456789abcdef0123456789abcdef-000.txt")]
    public void TryParseFileName_OtherNames_False(string name)
    {
        Assert.False(RecordingFormat.TryParseFileName(name, out _, out int index));
        Assert.Equal(-1, index);
    }

    [Fact]
    public void MaxHeaderSize_IsTheLargestPossibleHeader()
    {
        Assert.Equal(61 + 64 + 87 + (16 * 113), RecordingFormat.MaxHeaderSize);
    }
}
