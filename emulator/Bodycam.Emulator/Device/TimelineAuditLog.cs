using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Audit;

namespace Bodycam.Emulator.Device;

/// <summary>Forwards to the signed trail and keeps a copy for the timeline and the expect steps.</summary>
internal sealed class TimelineAuditLog : IAuditLog
{
    private readonly IAuditLog _trail;
    private readonly EmulatedDevice _device;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="trail">The signed trail (appended to first).</param>
    /// <param name="device">The device whose timeline and audit copy receive the record.</param>
    public TimelineAuditLog(IAuditLog trail, EmulatedDevice device)
    {
        _trail = trail;
        _device = device;
    }

    /// <inheritdoc />
    public void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        _trail.Append(type, timeBase, milliseconds, subject);
        _device.Audit.Append(type, timeBase, milliseconds, subject);
        _device.Log("audit", Names.Kebab(type.ToString()) + (string.IsNullOrEmpty(subject) ? string.Empty : " " + subject));
    }
}
