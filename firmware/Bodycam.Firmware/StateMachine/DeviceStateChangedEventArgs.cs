using System;

namespace Bodycam.Firmware.StateMachine;

/// <summary>Describes a state change of the <see cref="DeviceCore"/>.</summary>
public class DeviceStateChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="DeviceStateChangedEventArgs"/> class.</summary>
    /// <param name="previous">The state before the change.</param>
    /// <param name="current">The state after the change.</param>
    /// <param name="fault">The fault reason after the change.</param>
    /// <param name="timestampMilliseconds">The monotonic time of the change.</param>
    public DeviceStateChangedEventArgs(
        DeviceState previous,
        DeviceState current,
        FaultReason fault,
        long timestampMilliseconds)
    {
        Previous = previous;
        Current = current;
        Fault = fault;
        TimestampMilliseconds = timestampMilliseconds;
    }

    /// <summary>Gets the state before the change.</summary>
    public DeviceState Previous { get; }

    /// <summary>Gets the state after the change.</summary>
    public DeviceState Current { get; }

    /// <summary>Gets the fault reason after the change (<see cref="FaultReason.None"/> when none).</summary>
    public FaultReason Fault { get; }

    /// <summary>Gets the monotonic time of the change.</summary>
    public long TimestampMilliseconds { get; }
}
