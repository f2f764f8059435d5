using Bodycam.Emulator.Scenarios;
using Xunit;

namespace Bodycam.Emulator.Tests.Scenarios;

public class QuantityTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("2m", 120_000)]
    [InlineData("10h", 36_000_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1500)]
    public void TryParseDuration_Units_GiveMilliseconds(string text, long expected)
    {
        Assert.True(Quantity.TryParseDuration(text, out long ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("5 minutes")]
    [InlineData("3d")]
    public void TryParseDuration_Invalid_IsRejected(string text)
    {
        Assert.False(Quantity.TryParseDuration(text, out _));
    }

    [Fact]
    public void TryParseDurationRange_Range_HasBothEnds()
    {
        Assert.True(Quantity.TryParseDurationRange("120s..125s", out ValueRange range));
        Assert.Equal(new ValueRange(120_000, 125_000), range);
        Assert.False(Quantity.TryParseDurationRange("125s..120s", out _));
    }

    [Theory]
    [InlineData("4096", 4096)]
    [InlineData("64KB", 64_000)]
    [InlineData("2GB", 2_000_000_000)]
    [InlineData("1GiB", 1_073_741_824)]
    public void TryParseBytes_Units_GiveBytes(string text, long expected)
    {
        Assert.True(Quantity.TryParseBytes(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void FormatDuration_RoundTrips()
    {
        Assert.Equal("2m5.25s", Quantity.FormatDuration(125_250));
        Assert.True(Quantity.TryParseDuration(Quantity.FormatDuration(125_250), out long ms));
        Assert.Equal(125_250, ms);
    }
}
