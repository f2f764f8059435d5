using System;
using System.Collections.Generic;
using Bodycam.Firmware.Audit;

namespace Bodycam.Emulator.Board;

/// <summary>
/// An in-memory audit log for the emulator's timeline: it keeps each evidence event with the time the core gave it
/// (docs/audit-trail.md, "Times": UTC, time since the recording's start, or none). (The device's hash-chained, signed
/// trail is a separate part; this one only shows what the core reported.)
/// </summary>
public sealed class AuditRecorder : IAuditLog
{
    private readonly List<(AuditEventType Type, AuditTimeBase TimeBase, long Time, string Subject)> _events = new();

    /// <summary>Events so far, oldest first.</summary>
    public IReadOnlyList<(AuditEventType Type, AuditTimeBase TimeBase, long Time, string Subject)> Events => _events;

    /// <inheritdoc />
    public void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        _events.Add((type, timeBase, timeBase == AuditTimeBase.None ? 0 : milliseconds, subject ?? string.Empty));
    }

    /// <summary>Forgets every event.</summary>
    public void Reset()
    {
        _events.Clear();
    }
}
