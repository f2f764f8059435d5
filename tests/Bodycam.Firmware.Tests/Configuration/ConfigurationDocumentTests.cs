using System.Text;
using Bodycam.Firmware.Configuration;
using Xunit;

namespace Bodycam.Firmware.Tests.Configuration;

public class ConfigurationDocumentTests
{
    [Fact]
    public void Apply_ValidDocument_SetsItsValuesAndFactoryValuesForTheRest()
    {
        var target = new DeviceConfiguration { ReminderIntervalMilliseconds = 30000, PreRecordArenaBytes = 1 << 20 };

        Apply("version=1\n# shorter pre-record, audio kept\npre-record-window-ms=15000\npre-record-audio=true\n\nstop-hold-ms=2000\nbattery-critical-percent=8\nbattery-resume-percent=12\n", target);

        Assert.Equal(15000, target.PreRecordWindowMilliseconds);
        Assert.True(target.PreRecordIncludesAudio);
        Assert.Equal(2000, target.StopHoldMilliseconds);
        Assert.Equal(8, target.BatteryCriticalPercent);
        Assert.Equal(12, target.BatteryResumePercent);
        Assert.Equal(new DeviceConfiguration().ReminderIntervalMilliseconds, target.ReminderIntervalMilliseconds);
        Assert.Equal(1 << 20, target.PreRecordArenaBytes);
    }

    [Fact]
    public void Apply_EveryKey_IsAccepted()
    {
        var text = new StringBuilder("version=1\n");
        var reference = new DeviceConfiguration();
        for (int i = 0; i < ConfigurationDocument.KeyCount; i++)
        {
            string key = ConfigurationDocument.GetKey(i);
            text.Append(key).Append('=').Append(key == "pre-record-audio" ? "false" : Default(reference, key)).Append('\n');
        }

        var target = new DeviceConfiguration();
        Apply(text.ToString(), target);

        Assert.Equal(13, ConfigurationDocument.KeyCount);
        Assert.Equal(reference.BatteryCheckIntervalMilliseconds, target.BatteryCheckIntervalMilliseconds);
    }

    [Theory]
    [InlineData("version=1\nreminder-interval-ms=5000\n", "reminder-interval-ms", ConfigurationError.OutOfRange)]
    [InlineData("version=1\npre-record-window-ms=120001\n", "pre-record-window-ms", ConfigurationError.OutOfRange)]
    [InlineData("version=1\nbattery-critical-percent=99999999999\n", "battery-critical-percent", ConfigurationError.OutOfRange)]
    [InlineData("version=1\nstop-hold-ms=9000\nstuck-button-ms=8000\n", "stuck-button-ms", ConfigurationError.OutOfRange)]
    [InlineData("version=1\nbattery-critical-percent=20\nbattery-resume-percent=15\n", "battery-resume-percent", ConfigurationError.OutOfRange)]
    [InlineData("version=1\nrecord-always=1\n", "record-always", ConfigurationError.UnknownKey)]
    [InlineData("version=1\nPre-Record-Window-Ms=1000\n", "Pre-Record-Window-Ms", ConfigurationError.UnknownKey)]
    [InlineData("version=1\nstop-hold-ms=2000\nstop-hold-ms=2500\n", "stop-hold-ms", ConfigurationError.Duplicate)]
    [InlineData("version=1\nstop-hold-ms=-2000\n", "stop-hold-ms", ConfigurationError.Syntax)]
    [InlineData("version=1\nstop-hold-ms=2s\n", "stop-hold-ms", ConfigurationError.Syntax)]
    [InlineData("version=1\npre-record-audio=yes\n", "pre-record-audio", ConfigurationError.Syntax)]
    [InlineData("version=1\nstop-hold-ms\n", "line 2", ConfigurationError.Syntax)]
    [InlineData("version=1\nstop-hold-ms=2000\r\n", "line 2", ConfigurationError.Syntax)]
    [InlineData("version=1\nstop-hold-ms= 2000\n", "stop-hold-ms", ConfigurationError.Syntax)]
    [InlineData("stop-hold-ms=2000\n", "version", ConfigurationError.UnsupportedVersion)]
    [InlineData("version=2\nstop-hold-ms=2000\n", "version", ConfigurationError.UnsupportedVersion)]
    [InlineData("", "version", ConfigurationError.UnsupportedVersion)]
    public void Apply_InvalidDocument_NamesTheFieldAndChangesNothing(string document, string field, ConfigurationError reason)
    {
        var target = new DeviceConfiguration { StopHoldMilliseconds = 4000, PreRecordWindowMilliseconds = 45000 };

        ConfigurationException e = Assert.Throws<ConfigurationException>(() => Apply(document, target));

        Assert.Equal(field, e.Field);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(4000, target.StopHoldMilliseconds);
        Assert.Equal(45000, target.PreRecordWindowMilliseconds);
    }

    [Fact]
    public void Apply_OutOfRange_MessageGivesTheRange()
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => Apply("version=1\ndebounce-ms=500\n", new DeviceConfiguration()));

        Assert.Equal("debounce-ms = 500 is outside 10..200", e.Message);
        Assert.Equal(10, e.Minimum);
        Assert.Equal(200, e.Maximum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Apply_DebounceBelowTheMinimum_IsRejected(long debounce)
    {
        // One bouncy press must not become a double press, which would start a recording.
        var target = new DeviceConfiguration();

        ConfigurationException e = Assert.Throws<ConfigurationException>(() => Apply("version=1\ndebounce-ms=" + debounce + "\n", target));

        Assert.Equal("debounce-ms", e.Field);
        Assert.Equal(ConfigurationError.OutOfRange, e.Reason);
        Assert.Equal(ConfigurationSchema.MinimumDebounceMilliseconds, e.Minimum);
        Assert.Equal(30, target.DebounceMilliseconds);
    }

    [Fact]
    public void Apply_WindowShorterThanTheBoardsKeyFrameInterval_IsRejectedNamingBoth()
    {
        var target = new DeviceConfiguration { CameraKeyFrameIntervalMilliseconds = 4000 };

        ConfigurationException e = Assert.Throws<ConfigurationException>(() => Apply("version=1\npre-record-window-ms=3000\n", target));

        Assert.Equal("pre-record-window-ms", e.Field);
        Assert.Equal("CameraKeyFrameIntervalMilliseconds", e.OtherField);
        Assert.Equal(ConfigurationError.OutOfRange, e.Reason);
        Assert.Contains("pre-record-window-ms = 3000", e.Message);
        Assert.Contains("CameraKeyFrameIntervalMilliseconds = 4000", e.Message);
        Assert.Equal(30000, target.PreRecordWindowMilliseconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    [InlineData(120000)]
    public void Apply_WindowOffOrAtLeastTheKeyFrameInterval_IsAccepted(long window)
    {
        var target = new DeviceConfiguration { CameraKeyFrameIntervalMilliseconds = 4000 };

        Apply("version=1\npre-record-window-ms=" + window + "\n", target);

        Assert.Equal(window, target.PreRecordWindowMilliseconds);
    }

    [Fact]
    public void Apply_TooLong_IsRejected()
    {
        string document = "version=1\n" + new string('#', ConfigurationDocument.MaxLength) + "\n";

        ConfigurationException e = Assert.Throws<ConfigurationException>(() => Apply(document, new DeviceConfiguration()));

        Assert.Equal(ConfigurationError.TooLong, e.Reason);
    }

    [Fact]
    public void Apply_LaterInvalidLine_LeavesEarlierValidLinesUnapplied()
    {
        var target = new DeviceConfiguration();

        Assert.Throws<ConfigurationException>(() => Apply("version=1\nstop-hold-ms=2000\nreminder-interval-ms=1\n", target));

        Assert.Equal(3000, target.StopHoldMilliseconds);
    }

    private static void Apply(string document, DeviceConfiguration target)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(document);
        ConfigurationDocument.Apply(bytes, 0, bytes.Length, target);
    }

    private static string Default(DeviceConfiguration c, string key) => key switch
    {
        "debounce-ms" => c.DebounceMilliseconds.ToString(),
        "double-press-window-ms" => c.DoublePressWindowMilliseconds.ToString(),
        "stop-hold-ms" => c.StopHoldMilliseconds.ToString(),
        "stuck-button-ms" => c.StuckButtonMilliseconds.ToString(),
        "reminder-interval-ms" => c.ReminderIntervalMilliseconds.ToString(),
        "clock-not-set-cue-interval-ms" => c.ClockNotSetCueIntervalMilliseconds.ToString(),
        "fault-cue-interval-ms" => c.FaultCueIntervalMilliseconds.ToString(),
        "pre-record-window-ms" => c.PreRecordWindowMilliseconds.ToString(),
        "storage-reserve-bytes" => c.StorageReserveBytes.ToString(),
        "battery-critical-percent" => c.BatteryCriticalPercent.ToString(),
        "battery-resume-percent" => c.BatteryResumePercent.ToString(),
        "battery-check-interval-ms" => c.BatteryCheckIntervalMilliseconds.ToString(),
        _ => throw new Xunit.Sdk.XunitException("no default for " + key),
    };
}
