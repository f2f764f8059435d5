using System;

namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The device's behaviour settings: button timings, cue intervals, the pre-record budget and the battery limit.
/// Every setter checks its range and throws <see cref="ConfigurationException"/> naming the field and the range;
/// <see cref="Validate"/> also checks the rules that tie two settings together. Defaults follow the municipal
/// decision's reference settings (double press to start, hold 3 s to stop, 30 s pre-record without audio,
/// reminder every 2 min).
/// </summary>
public sealed class DeviceConfiguration
{
    /// <summary>Largest pre-record window: 120 s (the decision allows a short pre-record only).</summary>
    public const long MaximumPreRecordWindowMilliseconds = 120000;

    private long _debounceMilliseconds = 30;
    private long _doublePressWindowMilliseconds = 600;
    private long _stopHoldMilliseconds = 3000;
    private long _stuckButtonMilliseconds = 30000;
    private long _reminderIntervalMilliseconds = 120000;
    private long _clockNotSetCueIntervalMilliseconds = 60000;
    private long _faultCueIntervalMilliseconds = 30000;
    private long _preRecordWindowMilliseconds = 30000;
    private int _preRecordArenaBytes = 16 * 1024 * 1024;
    private int _preRecordFrameCapacity = 8192;
    private bool _preRecordIncludesAudio;
    private int _preRecordDrainFramesPerCall = 8;
    private long _storageReserveBytes = 16L * 1024 * 1024;
    private int _batteryCriticalPercent = 5;
    private int _batteryResumePercent = 10;
    private long _batteryCheckIntervalMilliseconds = 10000;

    /// <summary>
    /// Gets or sets how long a raw pin level must stay unchanged before it counts (software debounce; the .NET IoT
    /// pin has no hardware debounce). Default 30 ms, range 0 to 200 ms.
    /// </summary>
    public long DebounceMilliseconds
    {
        get => _debounceMilliseconds;
        set => _debounceMilliseconds = Check("DebounceMilliseconds", value, 0, 200);
    }

    /// <summary>
    /// Gets or sets the double-press window, measured from the start of the first press: a tap must be released and
    /// the second press must start within it. Default 600 ms, range 150 to 2000 ms.
    /// </summary>
    public long DoublePressWindowMilliseconds
    {
        get => _doublePressWindowMilliseconds;
        set => _doublePressWindowMilliseconds = Check("DoublePressWindowMilliseconds", value, 150, 2000);
    }

    /// <summary>Gets or sets how long a press must be held to stop a recording. Default 3 s, range 1 to 10 s.</summary>
    public long StopHoldMilliseconds
    {
        get => _stopHoldMilliseconds;
        set => _stopHoldMilliseconds = Check("StopHoldMilliseconds", value, 1000, 10000);
    }

    /// <summary>
    /// Gets or sets how long the button may stay down before it counts as stuck (fault). Default 30 s, range 5 s to
    /// 10 min; must exceed <see cref="StopHoldMilliseconds"/>.
    /// </summary>
    public long StuckButtonMilliseconds
    {
        get => _stuckButtonMilliseconds;
        set => _stuckButtonMilliseconds = Check("StuckButtonMilliseconds", value, 5000, 600000);
    }

    /// <summary>Gets or sets the interval of the still-recording reminder cue. Default 2 min, range 10 s to 1 h.</summary>
    public long ReminderIntervalMilliseconds
    {
        get => _reminderIntervalMilliseconds;
        set => _reminderIntervalMilliseconds = Check("ReminderIntervalMilliseconds", value, 10000, 3600000);
    }

    /// <summary>
    /// Gets or sets the repeat interval of the clock-not-set cue (five beeps). Default 60 s, range 10 s to 1 h.
    /// </summary>
    public long ClockNotSetCueIntervalMilliseconds
    {
        get => _clockNotSetCueIntervalMilliseconds;
        set => _clockNotSetCueIntervalMilliseconds = Check("ClockNotSetCueIntervalMilliseconds", value, 10000, 3600000);
    }

    /// <summary>Gets or sets the repeat interval of the fault cue while in a fault. Default 30 s, range 5 s to 1 h.</summary>
    public long FaultCueIntervalMilliseconds
    {
        get => _faultCueIntervalMilliseconds;
        set => _faultCueIntervalMilliseconds = Check("FaultCueIntervalMilliseconds", value, 5000, 3600000);
    }

    /// <summary>
    /// Gets or sets the pre-record window: a recording starts at the last key frame at or before the trigger minus
    /// this. Default 30 s, range 0 to 120 s (0 still keeps the group of pictures in progress, so the clip decodes).
    /// </summary>
    public long PreRecordWindowMilliseconds
    {
        get => _preRecordWindowMilliseconds;
        set => _preRecordWindowMilliseconds = Check(
            "PreRecordWindowMilliseconds",
            value,
            0,
            MaximumPreRecordWindowMilliseconds);
    }

    /// <summary>
    /// Gets or sets the size of the pre-record arena, allocated once at construction. Default 16 MiB: 30 s plus one
    /// 2 s group of pictures at 4 Mbit/s (hardware-notes.md, memory budget), range 64 KiB to 128 MiB.
    /// </summary>
    public int PreRecordArenaBytes
    {
        get => _preRecordArenaBytes;
        set => _preRecordArenaBytes = (int)Check("PreRecordArenaBytes", value, 64 * 1024, 128 * 1024 * 1024);
    }

    /// <summary>
    /// Gets or sets the number of entries of the pre-record frame index. Default 8192 (120 s of 30 fps video and
    /// 50 audio blocks a second would need 9600; 30 s needs 2400), range 16 to 65536.
    /// </summary>
    public int PreRecordFrameCapacity
    {
        get => _preRecordFrameCapacity;
        set => _preRecordFrameCapacity = (int)Check("PreRecordFrameCapacity", value, 16, 65536);
    }

    /// <summary>
    /// Gets or sets a value indicating whether audio is kept in the pre-record. Default false: the DPIA chose to
    /// keep conversations from before the trigger out of recordings.
    /// </summary>
    public bool PreRecordIncludesAudio
    {
        get => _preRecordIncludesAudio;
        set => _preRecordIncludesAudio = value;
    }

    /// <summary>
    /// Gets or sets how many pre-record frames go to the recording per board-loop call while the pre-record drains
    /// (live frames queue behind them, so nothing is lost or reordered). Default 8, range 1 to 1024.
    /// </summary>
    public int PreRecordDrainFramesPerCall
    {
        get => _preRecordDrainFramesPerCall;
        set => _preRecordDrainFramesPerCall = (int)Check("PreRecordDrainFramesPerCall", value, 1, 1024);
    }

    /// <summary>
    /// Gets or sets the storage a recording needs beyond its pre-record before it may start. Default 16 MiB (about
    /// 30 s at 4 Mbit/s), range 0 to 64 GiB.
    /// </summary>
    public long StorageReserveBytes
    {
        get => _storageReserveBytes;
        set => _storageReserveBytes = Check("StorageReserveBytes", value, 0, 64L * 1024 * 1024 * 1024);
    }

    /// <summary>
    /// Gets or sets the charge at or below which the battery is critical (a recording is finalized, then the device
    /// faults). Default 5 %, range 1 to 30 %.
    /// </summary>
    public int BatteryCriticalPercent
    {
        get => _batteryCriticalPercent;
        set => _batteryCriticalPercent = (int)Check("BatteryCriticalPercent", value, 1, 30);
    }

    /// <summary>
    /// Gets or sets the charge above which a battery-critical fault clears (hysteresis). Default 10 %, range 2 to
    /// 50 %; must exceed <see cref="BatteryCriticalPercent"/>.
    /// </summary>
    public int BatteryResumePercent
    {
        get => _batteryResumePercent;
        set => _batteryResumePercent = (int)Check("BatteryResumePercent", value, 2, 50);
    }

    /// <summary>Gets or sets how often the battery gauge is read. Default 10 s, range 1 s to 10 min.</summary>
    public long BatteryCheckIntervalMilliseconds
    {
        get => _batteryCheckIntervalMilliseconds;
        set => _batteryCheckIntervalMilliseconds = Check("BatteryCheckIntervalMilliseconds", value, 1000, 600000);
    }

    /// <summary>
    /// Copies the settings a signed configuration document may change (docs/configuration.md) from
    /// <paramref name="source"/>; the board's memory budget (arena, frame index, drain batch) stays as it is.
    /// </summary>
    /// <param name="source">A validated configuration.</param>
    public void CopySettingsFrom(DeviceConfiguration source)
    {
        if (source == null)
        {
            throw new ArgumentNullException("source");
        }

        _debounceMilliseconds = source._debounceMilliseconds;
        _doublePressWindowMilliseconds = source._doublePressWindowMilliseconds;
        _stopHoldMilliseconds = source._stopHoldMilliseconds;
        _stuckButtonMilliseconds = source._stuckButtonMilliseconds;
        _reminderIntervalMilliseconds = source._reminderIntervalMilliseconds;
        _clockNotSetCueIntervalMilliseconds = source._clockNotSetCueIntervalMilliseconds;
        _faultCueIntervalMilliseconds = source._faultCueIntervalMilliseconds;
        _preRecordWindowMilliseconds = source._preRecordWindowMilliseconds;
        _preRecordIncludesAudio = source._preRecordIncludesAudio;
        _storageReserveBytes = source._storageReserveBytes;
        _batteryCriticalPercent = source._batteryCriticalPercent;
        _batteryResumePercent = source._batteryResumePercent;
        _batteryCheckIntervalMilliseconds = source._batteryCheckIntervalMilliseconds;
    }

    /// <summary>Checks the rules that tie settings together; each setter already checked its own range.</summary>
    /// <exception cref="ConfigurationException">A dependent setting is out of its range.</exception>
    public void Validate()
    {
        // The stuck limit must leave room for a stop hold, or every stop would fault the button.
        Check("StuckButtonMilliseconds", _stuckButtonMilliseconds, _stopHoldMilliseconds + 1, 600000);

        // A debounce as long as the window would swallow every double press.
        Check("DebounceMilliseconds", _debounceMilliseconds, 0, (_doublePressWindowMilliseconds / 3) - 1);
        Check("BatteryResumePercent", _batteryResumePercent, _batteryCriticalPercent + 1, 50);
    }

    private static long Check(string field, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw new ConfigurationException(field, value, minimum, maximum);
        }

        return value;
    }
}
