using System;

namespace Bodycam.Evidence;

/// <summary>A hold: the recording is kept past its retention period until the hold is released.</summary>
/// <param name="HoldId">The hold id.</param>
/// <param name="RecordingId">The recording.</param>
/// <param name="Kind">Why.</param>
/// <param name="Reference">The case reference (aangifte number, complaint file, claim, prosecutor's demand).</param>
/// <param name="PlacedBy">The actor who placed it.</param>
/// <param name="PlacedAt">When.</param>
/// <param name="ReleasedBy">The actor who released it, or null while in force.</param>
/// <param name="ReleasedAt">When it was released.</param>
/// <param name="ReleaseReason">Why it was released.</param>
public sealed record Hold(
    string HoldId,
    string RecordingId,
    HoldKind Kind,
    string Reference,
    string PlacedBy,
    DateTimeOffset PlacedAt,
    string? ReleasedBy,
    DateTimeOffset? ReleasedAt,
    string? ReleaseReason)
{
    /// <summary>Gets a value indicating whether the hold is in force.</summary>
    public bool InForce => ReleasedBy is null;
}
