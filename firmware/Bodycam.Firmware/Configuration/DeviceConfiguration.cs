using System;

namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The device's behaviour settings: button timings, cue intervals, the pre-record budget and the battery limit.
/// Every setter checks its range and throws <see cref="ConfigurationException"/> naming the field and the range;
/// <see cref="Validate"/> also checks the rules that tie two settings together. Defaults follow the municipal
/// decision's reference settings (double press to start, hold 3 s to stop, 30 s pre-record without audio,
/// reminder every 2 min). The ranges and factory values of the settings a configuration document may change are
/// <see cref="ConfigurationSchema"/>'s; the board's memory budget (arena, frame index, drain batch) is checked here.
/// </summary>
public sealed class DeviceConfiguration
{
    /// <summary>The reference board's key-frame interval: 60 frames at 30 fps (hardware-notes.md, "Video capture and encoding").</summary>
    public const long DefaultCameraKeyFrameIntervalMilliseconds = 2000;

    /// <summary>The longest key-frame interval a camera may be configured with: 120 s, the longest window.</summary>
    public const long MaximumCameraKeyFrameIntervalMilliseconds = ConfigurationSchema.MaximumPreRecordWindowMilliseconds;

    private long _debounceMilliseconds = ConfigurationSchema.Debounce.Factory;
    private long _doublePressWindowMilliseconds = ConfigurationSchema.DoublePressWindow.Factory;
    private long _stopHoldMilliseconds = ConfigurationSchema.StopHold.Factory;
    private long _stuckButtonMilliseconds = ConfigurationSchema.StuckButton.Factory;
    private long _reminderIntervalMilliseconds = ConfigurationSchema.ReminderInterval.Factory;
    private long _clockNotSetCueIntervalMilliseconds = ConfigurationSchema.ClockNotSetCueInterval.Factory;
    private long _faultCueIntervalMilliseconds = ConfigurationSchema.FaultCueInterval.Factory;
    private long _preRecordWindowMilliseconds = ConfigurationSchema.PreRecordWindow.Factory;
    private long _cameraKeyFrameIntervalMilliseconds = DefaultCameraKeyFrameIntervalMilliseconds;
    private int _preRecordArenaBytes = 16 * 1024 * 1024;
    private int _preRecordFrameCapacity = 8192;
    private bool _preRecordIncludesAudio = ConfigurationSchema.PreRecordAudio.Factory != 0;
    private int _preRecordDrainFramesPerCall = 8;
    private long _storageReserveBytes = ConfigurationSchema.StorageReserve.Factory;
    private int _batteryCriticalPercent = (int)ConfigurationSchema.BatteryCritical.Factory;
    private int _batteryResumePercent = (int)ConfigurationSchema.BatteryResume.Factory;
    private long _batteryCheckIntervalMilliseconds = ConfigurationSchema.BatteryCheckInterval.Factory;

    /// <summary>
    /// Gets or sets how long a raw pin level must stay unchanged before it counts (software debounce; the .NET IoT
    /// pin has no hardware debounce). Default 30 ms, range 10 ms (<see cref="ConfigurationSchema.MinimumDebounceMilliseconds"/>:
    /// one bouncy press must not become a double press) to 200 ms.
    /// </summary>
    public long DebounceMilliseconds
    {
        get => _debounceMilliseconds;
        set => _debounceMilliseconds = Check(ConfigurationSchema.Debounce, value);
    }

    /// <summary>
    /// Gets or sets the double-press window, measured from the start of the first press: a tap must be released and
    /// the second press must start within it. Default 600 ms, range 150 to 2000 ms.
    /// </summary>
    public long DoublePressWindowMilliseconds
    {
        get => _doublePressWindowMilliseconds;
        set => _doublePressWindowMilliseconds = Check(ConfigurationSchema.DoublePressWindow, value);
    }

    /// <summary>Gets or sets how long a press must be held to stop a recording. Default 3 s, range 1 to 10 s.</summary>
    public long StopHoldMilliseconds
    {
        get => _stopHoldMilliseconds;
        set => _stopHoldMilliseconds = Check(ConfigurationSchema.StopHold, value);
    }

    /// <summary>
    /// Gets or sets how long the button may stay down before it counts as stuck (fault). Default 30 s, range 5 s to
    /// 10 min; must exceed <see cref="StopHoldMilliseconds"/>.
    /// </summary>
    public long StuckButtonMilliseconds
    {
        get => _stuckButtonMilliseconds;
        set => _stuckButtonMilliseconds = Check(ConfigurationSchema.StuckButton, value);
    }

    /// <summary>Gets or sets the interval of the still-recording reminder cue. Default 2 min, range 10 s to 1 h.</summary>
    public long ReminderIntervalMilliseconds
    {
        get => _reminderIntervalMilliseconds;
        set => _reminderIntervalMilliseconds = Check(ConfigurationSchema.ReminderInterval, value);
    }

    /// <summary>
    /// Gets or sets the repeat interval of the clock-not-set cue (five beeps). Default 60 s, range 10 s to 1 h.
    /// </summary>
    public long ClockNotSetCueIntervalMilliseconds
    {
        get => _clockNotSetCueIntervalMilliseconds;
        set => _clockNotSetCueIntervalMilliseconds = Check(ConfigurationSchema.ClockNotSetCueInterval, value);
    }

    /// <summary>Gets or sets the repeat interval of the fault cue while in a fault. Default 30 s, range 5 s to 1 h.</summary>
    public long FaultCueIntervalMilliseconds
    {
        get => _faultCueIntervalMilliseconds;
        set => _faultCueIntervalMilliseconds = Check(ConfigurationSchema.FaultCueInterval, value);
    }

    /// <summary>
    /// Gets or sets the pre-record window, a maximum: a recording receives no frame older than the press minus this
    /// and starts at the first video key frame inside it. Default 30 s, range 0 to 120 s; 0 keeps nothing (no ring
    /// is allocated). When not 0 it must be at least <see cref="CameraKeyFrameIntervalMilliseconds"/>
    /// (<see cref="Validate"/>).
    /// </summary>
    public long PreRecordWindowMilliseconds
    {
        get => _preRecordWindowMilliseconds;
        set => _preRecordWindowMilliseconds = Check(ConfigurationSchema.PreRecordWindow, value);
    }

    /// <summary>
    /// Gets or sets the camera's key-frame interval (a board setting, not a configuration document key): the time
    /// between two video key frames when none is requested; for a camera whose every frame is a key frame (JPEG),
    /// one frame time. Default 2 s (the reference board), range 1 ms to 120 s. A window shorter than this would
    /// often hold no key frame, so <see cref="Validate"/> rejects a window from 1 ms up to below this.
    /// </summary>
    public long CameraKeyFrameIntervalMilliseconds
    {
        get => _cameraKeyFrameIntervalMilliseconds;
        set => _cameraKeyFrameIntervalMilliseconds = Check("CameraKeyFrameIntervalMilliseconds", value, 1, MaximumCameraKeyFrameIntervalMilliseconds);
    }

    /// <summary>
    /// Gets or sets the size of the pre-record arena, allocated once at construction (not at all when the window is
    /// 0). Default 16 MiB (hardware-notes.md, memory budget), range 64 KiB to 128 MiB.
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
        set => _storageReserveBytes = Check(ConfigurationSchema.StorageReserve, value);
    }

    /// <summary>
    /// Gets or sets the charge at or below which the battery is critical (a recording is finalized, then the device
    /// faults). Default 5 %, range 1 to 30 %.
    /// </summary>
    public int BatteryCriticalPercent
    {
        get => _batteryCriticalPercent;
        set => _batteryCriticalPercent = (int)Check(ConfigurationSchema.BatteryCritical, value);
    }

    /// <summary>
    /// Gets or sets the charge above which a battery-critical fault clears (hysteresis). Default 10 %, range 2 to
    /// 50 %; must exceed <see cref="BatteryCriticalPercent"/>.
    /// </summary>
    public int BatteryResumePercent
    {
        get => _batteryResumePercent;
        set => _batteryResumePercent = (int)Check(ConfigurationSchema.BatteryResume, value);
    }

    /// <summary>Gets or sets how often the battery gauge is read. Default 10 s, range 1 s to 10 min.</summary>
    public long BatteryCheckIntervalMilliseconds
    {
        get => _batteryCheckIntervalMilliseconds;
        set => _batteryCheckIntervalMilliseconds = Check(ConfigurationSchema.BatteryCheckInterval, value);
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

    /// <summary>
    /// Sets the setting of a configuration document's key. The value is range-checked as a long before an int
    /// setting takes it, so a huge value cannot wrap into range.
    /// </summary>
    /// <param name="key">A key of <see cref="ConfigurationSchema"/>.</param>
    /// <param name="value">The value (0 or 1 for a boolean key).</param>
    /// <exception cref="ConfigurationException">The value is outside the key's range.</exception>
    public void SetValue(ConfigurationKey key, long value)
    {
        if (key == null)
        {
            throw new ArgumentNullException("key");
        }

        Check(key, value);
        int index = key.Index;
        if (index == ConfigurationSchema.Debounce.Index)
        {
            DebounceMilliseconds = value;
        }
        else if (index == ConfigurationSchema.DoublePressWindow.Index)
        {
            DoublePressWindowMilliseconds = value;
        }
        else if (index == ConfigurationSchema.StopHold.Index)
        {
            StopHoldMilliseconds = value;
        }
        else if (index == ConfigurationSchema.StuckButton.Index)
        {
            StuckButtonMilliseconds = value;
        }
        else if (index == ConfigurationSchema.ReminderInterval.Index)
        {
            ReminderIntervalMilliseconds = value;
        }
        else if (index == ConfigurationSchema.ClockNotSetCueInterval.Index)
        {
            ClockNotSetCueIntervalMilliseconds = value;
        }
        else if (index == ConfigurationSchema.FaultCueInterval.Index)
        {
            FaultCueIntervalMilliseconds = value;
        }
        else if (index == ConfigurationSchema.PreRecordWindow.Index)
        {
            PreRecordWindowMilliseconds = value;
        }
        else if (index == ConfigurationSchema.PreRecordAudio.Index)
        {
            PreRecordIncludesAudio = value != 0;
        }
        else if (index == ConfigurationSchema.StorageReserve.Index)
        {
            StorageReserveBytes = value;
        }
        else if (index == ConfigurationSchema.BatteryCritical.Index)
        {
            BatteryCriticalPercent = (int)value;
        }
        else if (index == ConfigurationSchema.BatteryResume.Index)
        {
            BatteryResumePercent = (int)value;
        }
        else if (index == ConfigurationSchema.BatteryCheckInterval.Index)
        {
            BatteryCheckIntervalMilliseconds = value;
        }
        else
        {
            throw new ArgumentOutOfRangeException("key");
        }
    }

    /// <summary>Checks the rules that tie settings together; each setter already checked its own range.</summary>
    /// <exception cref="ConfigurationException">A dependent setting is out of its range.</exception>
    public void Validate()
    {
        // The stuck limit must leave room for a stop hold, or every stop would fault the button.
        Check(ConfigurationSchema.StuckButton.Field, _stuckButtonMilliseconds, _stopHoldMilliseconds + 1, ConfigurationSchema.StuckButton.Maximum);

        // A debounce as long as the window would swallow every double press; below the minimum, one bouncy press
        // could count as two (docs/configuration.md, "debounce-ms").
        Check(ConfigurationSchema.Debounce.Field, _debounceMilliseconds, ConfigurationSchema.Debounce.Minimum, (_doublePressWindowMilliseconds / 3) - 1);

        // A window shorter than the key-frame interval would often hold no key frame: the pre-record would be empty
        // at most presses, so the setting would promise what the camera cannot give.
        if (_preRecordWindowMilliseconds != 0 && _preRecordWindowMilliseconds < _cameraKeyFrameIntervalMilliseconds)
        {
            throw ConfigurationException.WindowShorterThanKeyFrameInterval(
                ConfigurationSchema.PreRecordWindow.Field,
                "CameraKeyFrameIntervalMilliseconds",
                _preRecordWindowMilliseconds,
                _cameraKeyFrameIntervalMilliseconds,
                ConfigurationSchema.PreRecordWindow.Maximum);
        }

        Check(ConfigurationSchema.BatteryResume.Field, _batteryResumePercent, _batteryCriticalPercent + 1, ConfigurationSchema.BatteryResume.Maximum);
    }

    private static long Check(ConfigurationKey key, long value)
    {
        return Check(key.Field, value, key.Minimum, key.Maximum);
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
