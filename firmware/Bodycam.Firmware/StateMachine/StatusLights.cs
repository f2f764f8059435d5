using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.StateMachine;

/// <summary>
/// The LED patterns per state. The red recording LED blinks while recording and is dark otherwise: it is the
/// public's sign that they are being recorded, so there is no setting to hide it (no covert mode).
/// </summary>
public static class StatusLights
{
    /// <summary>Gets the pattern of the front recording LED in a state.</summary>
    /// <param name="state">The device state.</param>
    /// <returns>Blinking while recording, else off.</returns>
    public static LedPattern RecordingLed(DeviceState state)
    {
        return state == DeviceState.Recording ? LedPattern.BlinkSlow : LedPattern.Off;
    }

    /// <summary>Gets the pattern of the wearer's status LED.</summary>
    /// <param name="state">The device state.</param>
    /// <param name="warning">A non-blocking condition in standby or recording (clock not set, storage full).</param>
    /// <returns>The pattern.</returns>
    public static LedPattern StatusLed(DeviceState state, FaultReason warning)
    {
        switch (state)
        {
            case DeviceState.Booting:
                return LedPattern.Amber;
            case DeviceState.Standby:
            case DeviceState.Recording:
                return warning == FaultReason.None ? LedPattern.On : LedPattern.Amber;
            case DeviceState.Finalizing:
                return LedPattern.BlinkFast;
            case DeviceState.Docked:
                return LedPattern.Breathe;
            case DeviceState.Fault:
                return LedPattern.AmberBlink;
            default:
                return LedPattern.Off;
        }
    }

    /// <summary>Gets the cue that repeats in a fault.</summary>
    /// <param name="reason">The fault.</param>
    /// <returns>Three beeps for storage full, else the fault tone.</returns>
    public static Cue FaultCue(FaultReason reason)
    {
        return reason == FaultReason.StorageFull ? Cue.StorageFull : Cue.Fault;
    }

    /// <summary>Gets the audit subject naming a fault (no personal data).</summary>
    /// <param name="reason">The fault.</param>
    /// <returns>A fixed name.</returns>
    public static string FaultName(FaultReason reason)
    {
        switch (reason)
        {
            case FaultReason.StorageFull:
                return "storage-full";
            case FaultReason.StorageError:
                return "storage-error";
            case FaultReason.BatteryCritical:
                return "battery-critical";
            case FaultReason.ClockNotSet:
                return "clock-not-set";
            case FaultReason.NotProvisioned:
                return "not-provisioned";
            case FaultReason.ButtonStuck:
                return "button-stuck";
            default:
                return "none";
        }
    }
}
