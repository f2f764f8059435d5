namespace Bodycam.Firmware.StateMachine;

/// <summary>The states of the recording state machine (docs/state-machine.md has the transition table).</summary>
public enum DeviceState
{
    /// <summary>Not booted, or powered down.</summary>
    Off = 0,

    /// <summary>Checking provisioning, battery and clock.</summary>
    Booting = 1,

    /// <summary>Ready; the camera runs and frames go into the pre-record ring (RAM only).</summary>
    Standby = 2,

    /// <summary>A recording is open; frames go to the encrypted writer.</summary>
    Recording = 3,

    /// <summary>The recording is being closed (the pre-record drained, the last segment sealed and signed).</summary>
    Finalizing = 4,

    /// <summary>In the docking station: camera off, pre-record wiped, offload and charging.</summary>
    Docked = 5,

    /// <summary>Recording is impossible or unsafe; <see cref="DeviceCore.Fault"/> says why.</summary>
    Fault = 6,
}
