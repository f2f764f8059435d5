using System;

namespace Bodycam.Evidence;

/// <summary>
/// One line of <c>vault list</c>: what retention needs, and nothing that identifies the device or the wearer (the
/// list is the query that could profile staff over time, so it leaves the device out; see docs/evidence-vault.md).
/// </summary>
/// <param name="RecordingId">The recording id.</param>
/// <param name="RecordedAt">When it was recorded (the intake time when the device clock was not set).</param>
/// <param name="ClockSynchronised">Whether the device clock was set.</param>
/// <param name="DurationMilliseconds">Its length, when a close record gives it.</param>
/// <param name="Status">The verification status (Complete or ClosedByRecovery).</param>
/// <param name="ExpiresAt">Recorded-at plus the municipality's retention period.</param>
/// <param name="ActiveHolds">Holds in force.</param>
/// <param name="Bytes">Size of the encrypted original.</param>
public sealed record RecordingSummary(
    string RecordingId,
    DateTimeOffset RecordedAt,
    bool ClockSynchronised,
    long? DurationMilliseconds,
    string Status,
    DateTimeOffset ExpiresAt,
    int ActiveHolds,
    long Bytes);
