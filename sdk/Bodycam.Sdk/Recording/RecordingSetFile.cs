using System;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// One file of a recording as the reader found it, for <see cref="RecordingFileSet.Assess"/>: the reader's result,
/// or the reason its header was refused (then there is no result).
/// </summary>
public sealed class RecordingSetFile
{
    /// <summary>Initializes a new instance of the <see cref="RecordingSetFile"/> class for a file the reader read.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="result">The reader's result.</param>
    public RecordingSetFile(string name, RecordingResult result)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <summary>Initializes a new instance of the <see cref="RecordingSetFile"/> class for a file whose header was refused.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="headerError">Why the header was refused.</param>
    public RecordingSetFile(string name, RecordingFormatException headerError)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        HeaderError = headerError ?? throw new ArgumentNullException(nameof(headerError));
    }

    /// <summary>Gets the file's name.</summary>
    public string Name { get; }

    /// <summary>Gets the reader's result, or null when the header was refused.</summary>
    public RecordingResult? Result { get; }

    /// <summary>Gets why the header was refused, or null when the file was read.</summary>
    public RecordingFormatException? HeaderError { get; }

    /// <summary>Gets this file's own status (docs/recording-format.md, "6.3"): a header cut short is truncated, any other refused header tampered.</summary>
    public RecordingStatus Status => Result?.Status
        ?? (HeaderError!.Error == RecordingFormatError.TruncatedHeader ? RecordingStatus.Truncated : RecordingStatus.Tampered);
}
