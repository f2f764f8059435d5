using System;
using System.Collections.Generic;

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

    private static RecordingFormatException Mismatch(string message)
    {
        return new RecordingFormatException(RecordingFormatError.ContinuationMismatch, -1, 0, message);
    }
}
