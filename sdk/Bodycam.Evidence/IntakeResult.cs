using System.Collections.Generic;

namespace Bodycam.Evidence;

/// <summary>The outcome of taking in one recording.</summary>
/// <param name="RecordingId">The recording id, or null when no header could be read.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">Verification detail or the reason for quarantine or refusal.</param>
/// <param name="Files">The source files.</param>
public sealed record IntakeResult(string? RecordingId, IntakeOutcome Outcome, string Detail, IReadOnlyList<string> Files)
{
    /// <summary>
    /// Gets a value indicating whether a move intake took the source files away: each was renamed into the object
    /// store or, its object already stored, removed. False for a copying intake, for a move intake that had to copy
    /// (another file system), and for a recording that was not stored.
    /// </summary>
    public bool SourcesMoved { get; init; }
}
