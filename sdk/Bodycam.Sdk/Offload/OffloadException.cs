using System;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// An offload stopped: the destination cannot take the files, or the device announced a name or size the host
/// refuses. Nothing on the device was confirmed for the recording being copied, and no ".part" of it is left behind
/// when the destination failed.
/// </summary>
public sealed class OffloadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OffloadException"/> class.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="path">The file or folder involved, or the name the device announced.</param>
    /// <param name="message">A one-line description that names the path and says what to do.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public OffloadException(OffloadError error, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Path = path;
    }

    /// <summary>Gets what went wrong.</summary>
    public OffloadError Error { get; }

    /// <summary>Gets the file or folder involved, or the name the device announced.</summary>
    public string Path { get; }
}
