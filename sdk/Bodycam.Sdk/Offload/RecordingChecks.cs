using System;
using System.Collections.Generic;
using Bodycam.Sdk.Recording;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// The checks an offloaded recording must pass before it is confirmed, on bytes already in memory: each file with the
/// recording reader (structure, hash chain, device signatures: complete or closed by recovery passes), each file
/// continuing the one before, and the files forming one whole recording. Used by the offloader on the bytes it has
/// just received (so the file is never read back) and by <see cref="ReaderRecordingVerifier"/> on files on disk.
/// </summary>
internal static class RecordingChecks
{
    /// <summary>Checks one file.</summary>
    /// <param name="label">How the file is named in the detail.</param>
    /// <param name="file">Its bytes.</param>
    /// <param name="devicePublicKey">The device's Ed25519 public key.</param>
    /// <param name="detail">What was wrong, for people, when it fails.</param>
    /// <returns>The reader's result when the file passes, or null.</returns>
    public static RecordingResult? CheckFile(string label, ReadOnlyMemory<byte> file, ReadOnlySpan<byte> devicePublicKey, out string detail)
    {
        RecordingResult result;
        try
        {
            result = new RecordingReader(file).Verify(devicePublicKey);
        }
        catch (RecordingFormatException e)
        {
            detail = $"{label}: {e.Error} ({e.Message})";
            return null;
        }

        if (result.Status != RecordingStatus.Complete && result.Status != RecordingStatus.ClosedByRecovery)
        {
            detail = $"{label}: {Describe(result)}";
            return null;
        }

        detail = string.Empty;
        return result;
    }

    /// <summary>Checks that files which each passed <see cref="CheckFile"/> are one whole recording, in order.</summary>
    /// <param name="labels">How the files are named in the detail.</param>
    /// <param name="results">Their results, first file first.</param>
    /// <returns>The outcome.</returns>
    public static RecordingCheck CheckSet(IReadOnlyList<string> labels, IReadOnlyList<RecordingResult> results)
    {
        if (results.Count > 0)
        {
            // The set's status by the same rules bodycam verify and export use (docs/recording-format.md, "6.3 A set
            // of files"): the first file must be the recording's first, each must continue the one before, and the
            // last must not announce a next one.
            var files = new List<RecordingSetFile>(results.Count);
            for (int i = 0; i < results.Count; i++)
            {
                files.Add(new RecordingSetFile(labels[i], results[i]));
            }

            RecordingSetResult set = RecordingFileSet.Assess(files);
            if (set.Status != RecordingStatus.Complete && set.Status != RecordingStatus.ClosedByRecovery)
            {
                return new RecordingCheck(false, $"{set.Status} ({set.Error}): {set.Detail}");
            }
        }

        int segments = 0;
        foreach (RecordingResult result in results)
        {
            segments += result.SegmentCount;
        }

        RecordingStatus last = results.Count > 0 ? results[^1].Status : RecordingStatus.Complete;
        return new RecordingCheck(true, $"{last}, {results.Count} file(s), {segments} segment(s)");
    }

    // What went wrong, for people: a truncated file has no failure location (it simply ends), a tampered one has.
    private static string Describe(RecordingResult result) => result.Status == RecordingStatus.Truncated
        ? $"Truncated: {result.RecordCount} whole record(s) ({result.SegmentCount} segments, {result.SignedSegmentCount} signed), then the file ends without a close record"
        : $"{result.Status} ({result.Error}, record {result.FailedRecordIndex}, offset {result.FailedOffset})";
}
