using System;

namespace Bodycam.Sdk.Audit;

/// <summary>One verified audit record.</summary>
/// <param name="Sequence">Its position in the trail, from 0.</param>
/// <param name="Kind">The event.</param>
/// <param name="MonotonicMilliseconds">The device's monotonic time of the event.</param>
/// <param name="Time">The device's UTC time of the event, or null when its clock was not set.</param>
/// <param name="Subject">What it concerns (a file name, a setting), possibly empty.</param>
/// <param name="Offset">The record's byte offset in the trail.</param>
public sealed record AuditRecord(long Sequence, AuditEventKind Kind, long MonotonicMilliseconds, DateTimeOffset? Time, string Subject, long Offset);
