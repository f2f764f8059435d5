using System.Collections.Generic;

namespace Bodycam.Emulator.Sweeps;

/// <summary>What <see cref="ImageChecker"/> found on one card image after a cut or a fault.</summary>
public sealed class ImageCheck
{
    /// <summary>Gets the recording files finished before the cut that were found byte-identical to the uncut run's.</summary>
    public int FinishedIdentical { get; internal set; }

    /// <summary>Gets the files open at the cut that verified, decrypted and kept every durable byte (closed by recovery, or closed).</summary>
    public int InterruptedRecovered { get; internal set; }

    /// <summary>Gets the files open at the cut before any segment was durable (a header stub: nothing sealed was lost).</summary>
    public int InterruptedBeforeFirstSegment { get; internal set; }

    /// <summary>Gets the recording files made after the cut (in a later boot) that verified complete.</summary>
    public int MadeAfterCut { get; internal set; }

    /// <summary>Gets the segments that had been written (sealed and appended) before the cut and were not kept (at most the one in flight per file).</summary>
    public long SegmentsLost { get; internal set; }

    /// <summary>Gets the bytes recovery cut from torn tails, as the recovery records state them.</summary>
    public long BytesCut { get; internal set; }

    /// <summary>Gets the audit records that verified.</summary>
    public int AuditRecords { get; internal set; }

    /// <summary>Gets every violation, one line each.</summary>
    public List<string> Problems { get; } = new();
}
