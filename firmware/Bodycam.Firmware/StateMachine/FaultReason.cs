namespace Bodycam.Firmware.StateMachine;

/// <summary>
/// Why the device is in <see cref="DeviceState.Fault"/>, or a condition it signals without blocking recording
/// (<see cref="ClockNotSet"/>, and <see cref="StorageFull"/> when a start was refused in standby).
/// </summary>
public enum FaultReason
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>The storage cannot take a recording (three beeps).</summary>
    StorageFull = 1,

    /// <summary>The storage failed.</summary>
    StorageError = 2,

    /// <summary>The battery is too low to record safely.</summary>
    BatteryCritical = 3,

    /// <summary>The real-time clock was never set: signalled (five beeps, repeated), never blocks a recording.</summary>
    ClockNotSet = 4,

    /// <summary>The device is not enrolled: nobody could decrypt its recordings, so it does not record.</summary>
    NotProvisioned = 5,

    /// <summary>The record button stayed down beyond the stuck limit.</summary>
    ButtonStuck = 6,
}
