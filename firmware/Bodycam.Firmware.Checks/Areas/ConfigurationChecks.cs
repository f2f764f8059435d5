using Bodycam.Firmware.Configuration;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>Configuration validation (docs/configuration.md): ranges per setting and the rules between them.</summary>
public static class ConfigurationChecks
{
    /// <summary>The defaults validate.</summary>
    public static void DefaultsValid()
    {
        var configuration = new DeviceConfiguration();
        configuration.Validate();
        Check.Equal(30000, configuration.PreRecordWindowMilliseconds, "default window");
        Check.True(!configuration.PreRecordIncludesAudio, "audio out of the pre-record by default");
    }

    /// <summary>A window above 120 s is refused with the field and bounds.</summary>
    public static void WindowAboveMaximumRefused()
    {
        var configuration = new DeviceConfiguration();
        try
        {
            configuration.PreRecordWindowMilliseconds = DeviceConfiguration.MaximumPreRecordWindowMilliseconds + 1;
        }
        catch (ConfigurationException e)
        {
            Check.Equal("PreRecordWindowMilliseconds", e.Field, "field");
            Check.Equal(30000, configuration.PreRecordWindowMilliseconds, "the old value is kept");
            return;
        }

        Check.Fail("a 120.001 s window was accepted");
    }

    /// <summary>An arena outside 64 KiB to 128 MiB is refused.</summary>
    public static void ArenaOutOfRangeRefused()
    {
        var configuration = new DeviceConfiguration();
        bool refused = false;
        try
        {
            configuration.PreRecordArenaBytes = 1024;
        }
        catch (ConfigurationException)
        {
            refused = true;
        }

        Check.True(refused, "a 1 KiB arena is refused");
    }

    /// <summary>A stuck limit not above the stop hold fails validation.</summary>
    public static void DependentRuleChecked()
    {
        var configuration = new DeviceConfiguration();
        configuration.StopHoldMilliseconds = 5000;
        configuration.StuckButtonMilliseconds = 5000;
        try
        {
            configuration.Validate();
        }
        catch (ConfigurationException e)
        {
            Check.Equal("StuckButtonMilliseconds", e.Field, "field");
            return;
        }

        Check.Fail("a stuck limit equal to the stop hold validated");
    }

    /// <summary>Copying settings from a pushed document leaves the board's memory budget alone.</summary>
    public static void CopySettingsKeepsTheBudget()
    {
        var board = new DeviceConfiguration();
        board.PreRecordArenaBytes = 1024 * 1024;
        var pushed = new DeviceConfiguration();
        pushed.PreRecordWindowMilliseconds = 60000;
        pushed.PreRecordArenaBytes = 8 * 1024 * 1024;
        board.CopySettingsFrom(pushed);
        Check.Equal(60000, board.PreRecordWindowMilliseconds, "window copied");
        Check.Equal(1024 * 1024, board.PreRecordArenaBytes, "arena kept");
    }
}
