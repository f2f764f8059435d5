using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.StateMachine;

/// <summary>
/// The parts the <see cref="DeviceCore"/> works with. The board (or the emulator) sets every property before
/// constructing the core; the core checks that none is missing. The board owns the parts and disposes them.
/// </summary>
public sealed class DeviceHardware
{
    /// <summary>Gets or sets the monotonic clock.</summary>
    public IClock? Clock { get; set; }

    /// <summary>Gets or sets the battery-backed real-time clock.</summary>
    public IRealTimeClock? RealTimeClock { get; set; }

    /// <summary>Gets or sets the battery gauge.</summary>
    public IBattery? Battery { get; set; }

    /// <summary>Gets or sets the camera and encoder.</summary>
    public ICamera? Camera { get; set; }

    /// <summary>Gets or sets the LEDs, buzzer and vibration motor.</summary>
    public ICueOutput? Cues { get; set; }

    /// <summary>Gets or sets where recordings go (the encrypted writer).</summary>
    public IRecordingSink? Recordings { get; set; }

    /// <summary>Gets or sets the audit trail.</summary>
    public IAuditLog? Audit { get; set; }

    /// <summary>Gets or sets what enrolment gave the device.</summary>
    public IProvisioning? Provisioning { get; set; }
}
