using System.Collections.Generic;

namespace Bodycam.Evidence;

/// <summary>What a sweep did.</summary>
/// <param name="Deleted">The recordings deleted, with their deletion records.</param>
/// <param name="KeptUnderHold">Expired recordings kept because a hold is in force.</param>
public sealed record SweepResult(IReadOnlyList<DeletionRecord> Deleted, long KeptUnderHold);
