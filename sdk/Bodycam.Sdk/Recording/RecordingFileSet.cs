using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Checks that a list of files is one whole recording (docs/recording-format.md, section 6): the first file has
/// continuation index 0 and an all-zero previous chain hash, each later file continues the one before it, and the
/// last file did not close with <see cref="RecordingCloseReason.Continued"/> (a later file would be missing).
/// </summary>
public static class RecordingFileSet
{
    /// <summary>Checks the files' results, in order.</summary>
    /// <param name="results">The reader's result for each file of the recording, first file first.</param>
    /// <exception cref="RecordingFormatException">
    /// <see cref="RecordingFormatError.ContinuationMismatch"/>: a file is missing at the start, between files or at the
    /// end, or files are out of order or from different recordings; the record index is -1 and the offset 0, and the
    /// message names the file's position in the list.
    /// </exception>
    public static void Verify(IReadOnlyList<RecordingResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("Give at least one file.", nameof(results));
        }

        RecordingHeader first = results[0].Header;
        if (first.ContinuationIndex != 0 || first.PreviousChainHash.Span.IndexOfAnyExcept((byte)0) >= 0)
        {
            throw Mismatch("File 1 is not the first file of its recording (continuation index " + first.ContinuationIndex + ").");
        }

        for (int i = 1; i < results.Count; i++)
        {
            try
            {
                RecordingReader.VerifyContinuation(results[i - 1], results[i]);
            }
            catch (RecordingFormatException)
            {
                throw Mismatch("File " + (i + 1) + " does not continue file " + i + ".");
            }
        }

        RecordingResult last = results[^1];
        if (last.Status == RecordingStatus.Complete && last.CloseReason == RecordingCloseReason.Continued)
        {
            throw Mismatch("File " + results.Count + " closed to continue in a next file, which is missing.");
        }
    }

    /// <summary>
    /// Gives one status to a set of files given as one recording (docs/recording-format.md, "6.3 A set of files"), the
    /// status <c>bodycam verify</c>, <c>bodycam export</c> and the evidence report all show. Files are taken from the
    /// first while each is complete, closed with reason 2 and continued by the next; the first file that breaks this
    /// decides the status, and no media after it counts. Never throws for what the files contain.
    /// </summary>
    /// <param name="files">The files, first file first, each read (or refused) by the reader.</param>
    /// <returns>The set's status, detail and how many files contribute media.</returns>
    public static RecordingSetResult Assess(IReadOnlyList<RecordingSetFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("Give at least one file.", nameof(files));
        }

        for (int i = 0; i < files.Count; i++)
        {
            RecordingSetFile file = files[i];
            string where = Where(file, i, files.Count);
            string later = i + 1 < files.Count ? "; later files are left out" : "";
            if (file.Result is null)
            {
                RecordingFormatException e = file.HeaderError!;
                return Set(files, i, file.Status, e.Error, where + (file.Status == RecordingStatus.Truncated
                    ? ": the file ends inside its header, so it holds no media and nothing device-signed"
                    : ": the header is refused (" + e.Error + " at byte " + e.Offset.ToString(CultureInfo.InvariantCulture) + ": " + e.Message + ")") + later);
            }

            RecordingResult result = file.Result;
            if (i == 0 && result.Header.ContinuationIndex != 0)
            {
                return Set(files, 0, RecordingStatus.Tampered, RecordingFormatError.ContinuationMismatch, where
                    + " has continuation index " + result.Header.ContinuationIndex.ToString(CultureInfo.InvariantCulture)
                    + ": the recording's first file (index 0) is missing, so no media is included");
            }

            if (i > 0)
            {
                try
                {
                    RecordingReader.VerifyContinuation(files[i - 1].Result!, result);
                }
                catch (RecordingFormatException)
                {
                    return Set(files, i, RecordingStatus.Tampered, RecordingFormatError.ContinuationMismatch, where
                        + " does not continue " + files[i - 1].Name + " (another recording, a file missing in between, or files out of order); media from it on is left out");
                }
            }

            if (result.Status != RecordingStatus.Complete)
            {
                if (result.Status == RecordingStatus.ClosedByRecovery && i + 1 < files.Count)
                {
                    return Set(files, i + 1, RecordingStatus.Tampered, RecordingFormatError.ContinuationMismatch, Where(files[i + 1], i + 1, files.Count)
                        + " follows " + file.Name + ", which recovery closed: a recording ends with its recovered file; media from it on is left out");
                }

                return Set(files, i + 1, result.Status, result.Error, FileDetail(result, where) + later);
            }

            bool continued = result.CloseReason == RecordingCloseReason.Continued;
            if (!continued && i + 1 < files.Count)
            {
                return Set(files, i + 1, RecordingStatus.Tampered, RecordingFormatError.ContinuationMismatch, Where(files[i + 1], i + 1, files.Count)
                    + " follows " + file.Name + ", which closed the recording (" + result.CloseReason + "); media from it on is left out");
            }

            if (continued && i + 1 == files.Count)
            {
                return Set(files, files.Count, RecordingStatus.Truncated, RecordingFormatError.ContinuationMismatch, where
                    + " closed to continue in file " + (result.Header.ContinuationIndex + 1).ToString(CultureInfo.InvariantCulture)
                    + " of the recording, which is missing: what is present verified, the end is missing");
            }
        }

        return Set(files, files.Count, RecordingStatus.Complete, null, null);
    }

    private static RecordingSetResult Set(IReadOnlyList<RecordingSetFile> files, int included, RecordingStatus status, RecordingFormatError? error, string? detail)
    {
        return new RecordingSetResult { Status = status, Error = error, Detail = detail, IncludedFiles = included, Files = files };
    }

    private static string Where(RecordingSetFile file, int index, int count) =>
        file.Name + " (file " + (index + 1).ToString(CultureInfo.InvariantCulture) + " of " + count.ToString(CultureInfo.InvariantCulture) + ")";

    private static string FileDetail(RecordingResult result, string where)
    {
        string signed = result.SignedSegmentCount == 0
            ? "nothing in it is device-signed"
            : result.SignedSegmentCount.ToString(CultureInfo.InvariantCulture) + " of " + result.SegmentCount.ToString(CultureInfo.InvariantCulture) + " segments are device-signed";
        return result.Status switch
        {
            RecordingStatus.ClosedByRecovery => where + ": recovery cut " + result.BytesCut.ToString(CultureInfo.InvariantCulture)
                + " bytes of the segment in flight; last whole segment " + result.LastGoodSegment.ToString(CultureInfo.InvariantCulture),
            RecordingStatus.Truncated => where + ": ends after record " + result.RecordCount.ToString(CultureInfo.InvariantCulture)
                + " without a close record; " + result.SegmentCount.ToString(CultureInfo.InvariantCulture) + " whole segments, " + signed,
            _ => where + ": " + result.Error + " at record " + result.FailedRecordIndex.ToString(CultureInfo.InvariantCulture)
                + ", byte offset " + result.FailedOffset.ToString(CultureInfo.InvariantCulture) + "; nothing from there on is included; " + signed,
        };
    }

    private static RecordingFormatException Mismatch(string message)
    {
        return new RecordingFormatException(RecordingFormatError.ContinuationMismatch, -1, 0, message);
    }
}
