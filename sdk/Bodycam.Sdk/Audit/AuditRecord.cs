using System;

namespace Bodycam.Sdk.Audit;

/// <summary>
/// One verified audit record. Format 2 records carry a time only where it is evidence (<paramref name="TimeBase"/>);
/// format 1 records carried monotonic milliseconds since power-on as well, which the reader verifies as part of the
/// signed body but does not return: it would date the start of the wearer's shift.
/// </summary>
/// <param name="Sequence">Its position in the trail, from 0.</param>
/// <param name="Kind">The event (a code this SDK does not know is returned as its number).</param>
/// <param name="FormatVersion">The record's format, 1 or 2.</param>
/// <param name="TimeBase">What <paramref name="TimeMilliseconds"/> counts.</param>
/// <param name="TimeMilliseconds">The stored time: UTC milliseconds since 1970, milliseconds since the recording's start, or 0.</param>
/// <param name="Subject">What it concerns (a file name, a setting), possibly empty.</param>
/// <param name="Offset">The record's byte offset in the trail.</param>
public sealed record AuditRecord(long Sequence, AuditEventKind Kind, int FormatVersion, AuditTimeBase TimeBase, long TimeMilliseconds, string Subject, long Offset)
{
    /// <summary>
    /// Gets the event's UTC time, or null when the record has none or stores one outside what a date can hold (a
    /// device whose clock was set to an absurd value; <see cref="TimeMilliseconds"/> keeps the stored number).
    /// </summary>
    public DateTimeOffset? Time =>
        TimeBase == AuditTimeBase.Utc
        && TimeMilliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
        && TimeMilliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(TimeMilliseconds)
            : null;

    /// <summary>Gets the time since the start of the recording the record names, or null when it has none.</summary>
    public long? SinceRecordingStartMilliseconds => TimeBase == AuditTimeBase.SinceRecordingStart ? TimeMilliseconds : null;

    /// <summary>
    /// Gets the dock session key an Offloaded or ClockSet record names (<c>;key=authority:F</c> or <c>;key=dock:F</c>
    /// at the end of its subject), or null: other events, and records of firmware that did not name the key (an
    /// Offloaded record whose subject is the file name alone).
    /// </summary>
    public AuditKey? Key =>
        Kind is AuditEventKind.Offloaded or AuditEventKind.ClockSet && AuditKey.TrySplit(Subject, out _, out AuditKey? key) ? key : null;

    /// <summary>
    /// Gets the file an Offloaded or Deleted record names (an Offloaded subject without its key suffix), or null for
    /// other events.
    /// </summary>
    public string? FileName => Kind switch
    {
        AuditEventKind.Offloaded => AuditKey.TrySplit(Subject, out string rest, out _) ? rest : Subject,
        AuditEventKind.Deleted => Subject,
        _ => null,
    };
}
