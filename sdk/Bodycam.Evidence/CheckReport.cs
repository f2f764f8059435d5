using System.Collections.Generic;
using System.Linq;

namespace Bodycam.Evidence;

/// <summary>What <c>vault check</c> found.</summary>
/// <param name="Objects">Objects in the store.</param>
/// <param name="Recordings">Recordings in the metadata.</param>
/// <param name="Findings">Every finding.</param>
public sealed record CheckReport(long Objects, long Recordings, IReadOnlyList<CheckFinding> Findings)
{
    /// <summary>Gets a value indicating whether nothing is wrong.</summary>
    public bool Clean => !Findings.Any(f => f.IsFault);
}
