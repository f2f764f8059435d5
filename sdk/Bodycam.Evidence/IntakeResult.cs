using System.Collections.Generic;

namespace Bodycam.Evidence;

/// <summary>The outcome of taking in one recording.</summary>
/// <param name="RecordingId">The recording id, or null when no header could be read.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">Verification detail or the reason for quarantine or refusal.</param>
/// <param name="Files">The source files.</param>
public sealed record IntakeResult(string? RecordingId, IntakeOutcome Outcome, string Detail, IReadOnlyList<string> Files);
