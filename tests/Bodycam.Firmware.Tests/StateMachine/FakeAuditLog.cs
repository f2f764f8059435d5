using System.Collections.Generic;
using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeAuditLog : IAuditLog
{
    public List<(AuditEventType Type, long Time, string Subject)> Events { get; } =
        new List<(AuditEventType, long, string)>();

    public void Append(AuditEventType type, long monotonicMilliseconds, string subject) =>
        Events.Add((type, monotonicMilliseconds, subject));
}
