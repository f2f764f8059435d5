using System.IO;

namespace Bodycam.Sdk.Dock;

/// <summary>A transport over a stream the caller opened (it is disposed with the transport).</summary>
public sealed class StreamDockTransport : IDockTransport
{
    /// <summary>Initializes a new instance of the <see cref="StreamDockTransport"/> class.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="description">A description for people.</param>
    public StreamDockTransport(Stream stream, string description = "stream")
    {
        Stream = stream;
        Description = description;
    }

    /// <inheritdoc/>
    public Stream Stream { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public void Dispose() => Stream.Dispose();
}
