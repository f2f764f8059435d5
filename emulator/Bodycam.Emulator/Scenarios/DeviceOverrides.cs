namespace Bodycam.Emulator.Scenarios;

/// <summary>The <c>device</c> section: configuration overrides; null members keep the device's defaults.</summary>
public sealed class DeviceOverrides
{
    /// <summary><c>pre-record</c>: the pre-record window (0..120 s).</summary>
    public long? PreRecordMilliseconds { get; init; }

    /// <summary><c>pre-record-audio</c>: whether audio is kept in the pre-record.</summary>
    public bool? PreRecordAudio { get; init; }

    /// <summary><c>reminder-interval</c>: how often the reminder cue repeats while recording.</summary>
    public long? ReminderIntervalMilliseconds { get; init; }

    /// <summary><c>hold-to-stop</c>: how long the button is held to stop a recording.</summary>
    public long? HoldToStopMilliseconds { get; init; }

    /// <summary><c>max-file-duration</c>: a recording continues in a new file past this duration.</summary>
    public long? MaxFileDurationMilliseconds { get; init; }

    /// <summary><c>storage</c>: the storage capacity in bytes.</summary>
    public long? StorageCapacityBytes { get; init; }

    /// <summary><c>battery</c>: the battery level at start, percent.</summary>
    public double? BatteryPercent { get; init; }

    /// <summary><c>clock-set</c>: whether the RTC starts set (default true).</summary>
    public bool? ClockSet { get; init; }

    /// <summary><c>provisioned</c>: whether the device starts provisioned (default true).</summary>
    public bool? Provisioned { get; init; }

    /// <summary><c>municipality</c>: heerde, oldebroek or hattem.</summary>
    public string? Municipality { get; init; }

    /// <summary><c>id</c>: the device id.</summary>
    public string? DeviceId { get; init; }

    /// <summary><c>audio</c>: whether the microphone runs (default true).</summary>
    public bool? Audio { get; init; }

    /// <summary>Files placed on the card before the first boot (kinds of <see cref="Bodycam.Emulator.Device.PlantedFiles"/>), or null.</summary>
    public string[]? Planted { get; init; }
}
