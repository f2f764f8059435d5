using System.Collections.Generic;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// What a set of files, given as one recording, amounts to (docs/recording-format.md, "6.3 A set of files"): one status
/// for the whole set, which <c>bodycam verify</c>, <c>bodycam export</c> and the evidence report all show, and how
/// many files (from the first) contribute media.
/// </summary>
public sealed class RecordingSetResult
{
    /// <summary>Gets the status of the set.</summary>
    public required RecordingStatus Status { get; init; }

    /// <summary>Gets the error behind a <see cref="RecordingStatus.Tampered"/> status (or the reason a truncated set is short), else null.</summary>
    public RecordingFormatError? Error { get; init; }

    /// <summary>Gets one line saying what the status rests on, naming the file; null for a complete set.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// Gets how many files, counted from the first, contribute media: every file before the last of them is complete
    /// and continued by the next, and the last of them contributes what verified before its end or failure. Media of
    /// later files is never used.
    /// </summary>
    public required int IncludedFiles { get; init; }

    /// <summary>Gets the files, in the order given.</summary>
    public required IReadOnlyList<RecordingSetFile> Files { get; init; }

    /// <summary>Gets a value indicating whether the set verified as one whole recording (complete or closed by recovery).</summary>
    public bool Verified => Status is RecordingStatus.Complete or RecordingStatus.ClosedByRecovery;

    /// <summary>Gets the number of segments in the included files.</summary>
    public int IncludedSegments
    {
        get
        {
            int n = 0;
            for (int i = 0; i < IncludedFiles; i++)
            {
                n += Files[i].Result?.SegmentCount ?? 0;
            }

            return n;
        }
    }

    /// <summary>Gets the number of device-signed segments in the included files.</summary>
    public int IncludedSignedSegments
    {
        get
        {
            int n = 0;
            for (int i = 0; i < IncludedFiles; i++)
            {
                n += Files[i].Result?.SignedSegmentCount ?? 0;
            }

            return n;
        }
    }
}
