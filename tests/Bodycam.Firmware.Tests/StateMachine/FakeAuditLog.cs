using System.Collections.Generic;
using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeAuditLog : IAuditLog
{
    public List<(AuditEventType Type, long Time, string Subject)> Events { get; } =
        new List<(AuditEventType, long, string)>();

    public List<AuditTimeBase> TimeBases { get; } = new List<AuditTimeBase>();

    public void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        Events.Add((type, milliseconds, subject));
        TimeBases.Add(timeBase);
    }
}
