using System;

namespace Bodycam.Sdk.Recording;

/// <summary>A recording could not be read, or failed verification, at a known place in the file.</summary>
public class RecordingFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RecordingFormatException"/> class.</summary>
    /// <param name="error">Why it failed.</param>
    /// <param name="recordIndex">The record (0 = first record after the header; -1 = the header).</param>
    /// <param name="offset">The byte offset in the file where the failing part starts.</param>
    /// <param name="message">What failed, for people (no key material).</param>
    public RecordingFormatException(RecordingFormatError error, int recordIndex, long offset, string message)
        : base(message)
    {
        Error = error;
        RecordIndex = recordIndex;
        Offset = offset;
    }

    /// <summary>Gets why it failed.</summary>
    public RecordingFormatError Error { get; }

    /// <summary>Gets the record index (-1 = the header).</summary>
    public int RecordIndex { get; }

    /// <summary>Gets the byte offset in the file.</summary>
    public long Offset { get; }
}
