using System;
using System.IO;

namespace Bodycam.Sdk.Dock;

/// <summary>A byte link to a device (TCP, a serial port or pseudo-terminal, or any stream). Disposing closes it.</summary>
public interface IDockTransport : IDisposable
{
    /// <summary>Gets the stream to read and write frames on.</summary>
    Stream Stream { get; }

    /// <summary>Gets a description for people (for example "tcp 127.0.0.1:4700").</summary>
    string Description { get; }
}
