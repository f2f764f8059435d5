using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Recording;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// Verifies an offloaded recording with the recording reader (structure, hash chain, device signatures; no key
/// needed) and, for continuation files, that each file continues the one before. Complete and closed-by-recovery
/// recordings pass; truncated or tampered ones do not, so they stay on the device.
/// </summary>
public sealed class ReaderRecordingVerifier : IRecordingVerifier
{
    /// <inheritdoc/>
    public Task<RecordingCheck> VerifyAsync(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey, CancellationToken cancellationToken)
    {
        return Task.Run(() => Verify(filePaths, devicePublicKey), cancellationToken);
    }

    private static RecordingCheck Verify(IReadOnlyList<string> filePaths, ReadOnlyMemory<byte> devicePublicKey)
    {
        RecordingResult? previous = null;
        var results = new List<RecordingResult>(filePaths.Count);
        int segments = 0;
        RecordingStatus last = RecordingStatus.Complete;
        foreach (string path in filePaths)
        {
            RecordingResult result;
            try
            {
                result = RecordingReader.Open(path).Verify(devicePublicKey.Span);
            }
            catch (RecordingFormatException e)
            {
                return new RecordingCheck(false, $"{path}: {e.Error} ({e.Message})");
            }

            if (result.Status != RecordingStatus.Complete && result.Status != RecordingStatus.ClosedByRecovery)
            {
                return new RecordingCheck(false, $"{path}: {Describe(result)}");
            }

            if (previous != null)
            {
                try
                {
                    RecordingReader.VerifyContinuation(previous, result);
                }
                catch (RecordingFormatException e)
                {
                    return new RecordingCheck(false, $"{path}: {e.Error} ({e.Message})");
                }
            }

            segments += result.SegmentCount;
            last = result.Status;
            previous = result;
            results.Add(result);
        }

        if (results.Count > 0)
        {
            try
            {
                // The first file must be the recording's first, and the last must not announce a next one.
                RecordingFileSet.Verify(results);
            }
            catch (RecordingFormatException e)
            {
                return new RecordingCheck(false, $"{e.Error} ({e.Message})");
            }
        }

        return new RecordingCheck(true, $"{last}, {filePaths.Count} file(s), {segments} segment(s)");
    }

    // What went wrong, for people: a truncated file has no failure location (it simply ends), a tampered one has.
    private static string Describe(RecordingResult result) => result.Status == RecordingStatus.Truncated
        ? $"Truncated: {result.RecordCount} whole record(s) ({result.SegmentCount} segments, {result.SignedSegmentCount} signed), then the file ends without a close record"
        : $"{result.Status} ({result.Error}, record {result.FailedRecordIndex}, offset {result.FailedOffset})";
}
