using System.Collections.Generic;

namespace Bodycam.Emulator.Sweeps;

/// <summary>The figures of one sweep of one scenario in one mode (a power-cut mode or a resource fault).</summary>
public sealed class SweepFigures
{
    /// <summary>Gets the scenario's file name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the mode or fault, in the command's words.</summary>
    public required string Mode { get; init; }

    /// <summary>Gets the storage operations of the uncut run (after the first boot).</summary>
    public int Operations { get; set; }

    /// <summary>Gets the operations the sweep interrupted (or failed).</summary>
    public int CutPoints { get; set; }

    /// <summary>Gets the runs in which the cut or fault was actually met (a reboot in the scenario may clear an injected fault first).</summary>
    public int CutsReached { get; set; }

    /// <summary>Gets the recording files finished before the cut that were checked byte-identical.</summary>
    public long FinishedIdentical { get; set; }

    /// <summary>Gets the files open at the cut that were checked closed and verifying with every durable byte.</summary>
    public long InterruptedRecovered { get; set; }

    /// <summary>Gets the files open at the cut before any segment was durable.</summary>
    public long InterruptedBeforeFirstSegment { get; set; }

    /// <summary>Gets the recordings made after the reboot that verified complete.</summary>
    public long MadeAfterCut { get; set; }

    /// <summary>Gets the segments written before a cut and not kept (in flight, not yet flushed), summed over the runs.</summary>
    public long SegmentsLost { get; set; }

    /// <summary>Gets the bytes recovery cut from torn tails, summed over the runs.</summary>
    public long BytesCut { get; set; }

    /// <summary>Gets the audit records verified, summed over the runs.</summary>
    public long AuditRecords { get; set; }

    /// <summary>Gets the AES-GCM seals fingerprinted, summed over the runs.</summary>
    public long Seals { get; set; }

    /// <summary>Gets the seals that reused a (key, nonce) pair of the same run.</summary>
    public long NonceReuses { get; set; }

    /// <summary>Gets the runs whose device was in the documented fault state afterwards (resource faults only).</summary>
    public long FaultStatesAsDocumented { get; set; }

    /// <summary>Gets the runs that ended with an unhandled exception.</summary>
    public long Crashes { get; set; }

    /// <summary>Gets the wall time of the sweep in milliseconds.</summary>
    public double WallMilliseconds { get; set; }

    /// <summary>Gets the violations, one line each, with the cut point.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>Adds one image check.</summary>
    /// <param name="cut">The cut point.</param>
    /// <param name="check">What was found.</param>
    public void Add(int cut, ImageCheck check)
    {
        FinishedIdentical += check.FinishedIdentical;
        InterruptedRecovered += check.InterruptedRecovered;
        InterruptedBeforeFirstSegment += check.InterruptedBeforeFirstSegment;
        MadeAfterCut += check.MadeAfterCut;
        SegmentsLost += check.SegmentsLost;
        BytesCut += check.BytesCut;
        AuditRecords += check.AuditRecords;
        foreach (string problem in check.Problems)
        {
            Problems.Add("operation " + cut + ": " + problem);
        }
    }
}
