namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The configuration document's keys, ranges and factory values (docs/configuration.md, "Keys"): the one place on the
/// device where they are written down. <see cref="DeviceConfiguration"/> checks its setters against these rows and
/// starts from their factory values; <see cref="ConfigurationDocument"/> reads documents by them. The SDK has its own
/// table (it does not reference the firmware); tests/Bodycam.Conformance.Tests pins the two to each other and to the
/// document.
/// </summary>
public static class ConfigurationSchema
{
    /// <summary>Largest pre-record window: 120 s (the municipal decision allows a short pre-record only).</summary>
    public const long MaximumPreRecordWindowMilliseconds = 120000;

    /// <summary>
    /// The shortest debounce: 10 ms, twice the 5 ms bounce a tactile switch is typically specified for, so one bouncy
    /// press can never count as two (a double press starts a recording). 0 would take every bounce as a press.
    /// </summary>
    public const long MinimumDebounceMilliseconds = 10;

    /// <summary><c>debounce-ms</c>.</summary>
    public static readonly ConfigurationKey Debounce = new ConfigurationKey(0, "debounce-ms", "DebounceMilliseconds", MinimumDebounceMilliseconds, 200, 30, false);

    /// <summary><c>double-press-window-ms</c>.</summary>
    public static readonly ConfigurationKey DoublePressWindow = new ConfigurationKey(1, "double-press-window-ms", "DoublePressWindowMilliseconds", 150, 2000, 600, false);

    /// <summary><c>stop-hold-ms</c>.</summary>
    public static readonly ConfigurationKey StopHold = new ConfigurationKey(2, "stop-hold-ms", "StopHoldMilliseconds", 1000, 10000, 3000, false);

    /// <summary><c>stuck-button-ms</c>.</summary>
    public static readonly ConfigurationKey StuckButton = new ConfigurationKey(3, "stuck-button-ms", "StuckButtonMilliseconds", 5000, 600000, 30000, false);

    /// <summary><c>reminder-interval-ms</c>.</summary>
    public static readonly ConfigurationKey ReminderInterval = new ConfigurationKey(4, "reminder-interval-ms", "ReminderIntervalMilliseconds", 10000, 3600000, 120000, false);

    /// <summary><c>clock-not-set-cue-interval-ms</c>.</summary>
    public static readonly ConfigurationKey ClockNotSetCueInterval = new ConfigurationKey(5, "clock-not-set-cue-interval-ms", "ClockNotSetCueIntervalMilliseconds", 10000, 3600000, 60000, false);

    /// <summary><c>fault-cue-interval-ms</c>.</summary>
    public static readonly ConfigurationKey FaultCueInterval = new ConfigurationKey(6, "fault-cue-interval-ms", "FaultCueIntervalMilliseconds", 5000, 3600000, 30000, false);

    /// <summary><c>pre-record-window-ms</c>.</summary>
    public static readonly ConfigurationKey PreRecordWindow = new ConfigurationKey(7, "pre-record-window-ms", "PreRecordWindowMilliseconds", 0, MaximumPreRecordWindowMilliseconds, 30000, false);

    /// <summary><c>pre-record-audio</c> (boolean; the DPIA's default is without audio).</summary>
    public static readonly ConfigurationKey PreRecordAudio = new ConfigurationKey(8, "pre-record-audio", "PreRecordIncludesAudio", 0, 1, 0, true);

    /// <summary><c>storage-reserve-bytes</c>.</summary>
    public static readonly ConfigurationKey StorageReserve = new ConfigurationKey(9, "storage-reserve-bytes", "StorageReserveBytes", 0, 64L * 1024 * 1024 * 1024, 16L * 1024 * 1024, false);

    /// <summary><c>battery-critical-percent</c>.</summary>
    public static readonly ConfigurationKey BatteryCritical = new ConfigurationKey(10, "battery-critical-percent", "BatteryCriticalPercent", 1, 30, 5, false);

    /// <summary><c>battery-resume-percent</c>.</summary>
    public static readonly ConfigurationKey BatteryResume = new ConfigurationKey(11, "battery-resume-percent", "BatteryResumePercent", 2, 50, 10, false);

    /// <summary><c>battery-check-interval-ms</c>.</summary>
    public static readonly ConfigurationKey BatteryCheckInterval = new ConfigurationKey(12, "battery-check-interval-ms", "BatteryCheckIntervalMilliseconds", 1000, 600000, 10000, false);

    private static readonly ConfigurationKey[] s_keys = new ConfigurationKey[]
    {
        Debounce,
        DoublePressWindow,
        StopHold,
        StuckButton,
        ReminderInterval,
        ClockNotSetCueInterval,
        FaultCueInterval,
        PreRecordWindow,
        PreRecordAudio,
        StorageReserve,
        BatteryCritical,
        BatteryResume,
        BatteryCheckInterval,
    };

    /// <summary>Gets the number of keys.</summary>
    public static int Count => s_keys.Length;

    /// <summary>Gets a key by its position (docs/configuration.md's order).</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The key.</returns>
    public static ConfigurationKey Get(int index)
    {
        return s_keys[index];
    }

    /// <summary>Finds a key by its name in a document.</summary>
    /// <param name="key">The document's key (case-sensitive).</param>
    /// <returns>The key, or null when the schema has no such key.</returns>
    public static ConfigurationKey? Find(string key)
    {
        for (int i = 0; i < s_keys.Length; i++)
        {
            if (s_keys[i].Key == key)
            {
                return s_keys[i];
            }
        }

        return null;
    }

    /// <summary>Finds a key by the <see cref="DeviceConfiguration"/> property it sets.</summary>
    /// <param name="field">The property's name.</param>
    /// <returns>The key, or null when no key sets that property.</returns>
    public static ConfigurationKey? FindByField(string field)
    {
        for (int i = 0; i < s_keys.Length; i++)
        {
            if (s_keys[i].Field == field)
            {
                return s_keys[i];
            }
        }

        return null;
    }
}
