using Bodycam.Firmware.Configuration;
using Xunit;

namespace Bodycam.Firmware.Tests.Configuration;

public class DeviceConfigurationTests
{
    [Fact]
    public void Defaults_MatchTheReferenceSettingsAndValidate()
    {
        var configuration = new DeviceConfiguration();

        configuration.Validate();
        Assert.Equal(30, configuration.DebounceMilliseconds);
        Assert.Equal(3000, configuration.StopHoldMilliseconds);
        Assert.Equal(30000, configuration.PreRecordWindowMilliseconds);
        Assert.Equal(120000, configuration.ReminderIntervalMilliseconds);
        Assert.False(configuration.PreRecordIncludesAudio);
    }

    [Theory]
    [InlineData("PreRecordWindowMilliseconds", 120001, 0, 120000)]
    [InlineData("PreRecordWindowMilliseconds", -1, 0, 120000)]
    [InlineData("DebounceMilliseconds", 201, 10, 200)]
    [InlineData("DebounceMilliseconds", 0, 10, 200)]
    [InlineData("DebounceMilliseconds", 9, 10, 200)]
    [InlineData("StopHoldMilliseconds", 999, 1000, 10000)]
    [InlineData("ReminderIntervalMilliseconds", 9999, 10000, 3600000)]
    [InlineData("BatteryCriticalPercent", 0, 1, 30)]
    [InlineData("PreRecordFrameCapacity", 15, 16, 65536)]
    public void Setter_OutOfRange_ThrowsNamingFieldAndRange(string field, long value, long minimum, long maximum)
    {
        var configuration = new DeviceConfiguration();
        System.Reflection.PropertyInfo property = typeof(DeviceConfiguration).GetProperty(field)!;
        object boxed = property.PropertyType == typeof(int) ? (object)(int)value : value;

        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.SetValue(configuration, boxed));

        var error = Assert.IsType<ConfigurationException>(ex.InnerException);
        Assert.Equal(field, error.Field);
        Assert.Equal(value, error.Value);
        Assert.Equal(minimum, error.Minimum);
        Assert.Equal(maximum, error.Maximum);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Setter_OutOfRange_KeepsThePreviousValue()
    {
        var configuration = new DeviceConfiguration { PreRecordWindowMilliseconds = 10000 };

        Assert.Throws<ConfigurationException>(() => configuration.PreRecordWindowMilliseconds = 200000);

        Assert.Equal(10000, configuration.PreRecordWindowMilliseconds);
    }

    [Fact]
    public void Validate_StuckLimitNotAboveStopHold_Throws()
    {
        var configuration = new DeviceConfiguration { StopHoldMilliseconds = 10000, StuckButtonMilliseconds = 8000 };

        var ex = Assert.Throws<ConfigurationException>(configuration.Validate);

        Assert.Equal("StuckButtonMilliseconds", ex.Field);
        Assert.Equal(10001, ex.Minimum);
    }

    [Theory]
    [InlineData(2000, 1999)]
    [InlineData(60000, 30000)]
    [InlineData(120000, 1)]
    public void Validate_WindowShorterThanKeyFrameInterval_ThrowsNamingBothFields(long interval, long window)
    {
        var configuration = new DeviceConfiguration
        {
            CameraKeyFrameIntervalMilliseconds = interval,
            PreRecordWindowMilliseconds = window,
        };

        var ex = Assert.Throws<ConfigurationException>(configuration.Validate);

        Assert.Equal("PreRecordWindowMilliseconds", ex.Field);
        Assert.Equal("CameraKeyFrameIntervalMilliseconds", ex.OtherField);
        Assert.Equal(window, ex.Value);
        Assert.Equal(interval, ex.Minimum);
        Assert.Contains("PreRecordWindowMilliseconds", ex.Message);
        Assert.Contains("CameraKeyFrameIntervalMilliseconds", ex.Message);
    }

    [Theory]
    [InlineData(2000, 0)]
    [InlineData(2000, 2000)]
    [InlineData(120000, 120000)]
    [InlineData(33, 1000)]
    public void Validate_WindowOffOrAtLeastKeyFrameInterval_Passes(long interval, long window)
    {
        var configuration = new DeviceConfiguration
        {
            CameraKeyFrameIntervalMilliseconds = interval,
            PreRecordWindowMilliseconds = window,
        };

        configuration.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(120001)]
    public void CameraKeyFrameInterval_OutOfRange_Throws(long interval)
    {
        var configuration = new DeviceConfiguration();

        var ex = Assert.Throws<ConfigurationException>(() => configuration.CameraKeyFrameIntervalMilliseconds = interval);

        Assert.Equal("CameraKeyFrameIntervalMilliseconds", ex.Field);
    }

    [Fact]
    public void Validate_ResumeNotAboveCritical_Throws()
    {
        var configuration = new DeviceConfiguration { BatteryCriticalPercent = 20, BatteryResumePercent = 15 };

        var ex = Assert.Throws<ConfigurationException>(configuration.Validate);

        Assert.Equal("BatteryResumePercent", ex.Field);
    }
}
