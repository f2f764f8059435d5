namespace Bodycam.Evidence;

/// <summary>One finding of <c>vault check</c>.</summary>
/// <param name="Kind">What.</param>
/// <param name="Subject">The object hash, recording id or file name concerned.</param>
/// <param name="Detail">For people.</param>
public sealed record CheckFinding(CheckFindingKind Kind, string Subject, string Detail)
{
    /// <summary>Gets a value indicating whether the finding is a fault (everything but an intake in progress).</summary>
    public bool IsFault => Kind != CheckFindingKind.IntakeInProgress;
}
