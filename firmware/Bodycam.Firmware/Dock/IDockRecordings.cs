namespace Bodycam.Firmware.Dock;

/// <summary>
/// The recording files as the dock service sees them (the storage manager on the device). Only recording files are
/// reachable through this interface: never the audit trail, the provisioning store or configuration.
/// </summary>
public interface IDockRecordings
{
    /// <summary>Takes a fresh look at the storage (the service calls this on hello and before listing).</summary>
    void Refresh();

    /// <summary>Gets the number of recording files (continuation files count separately).</summary>
    int Count { get; }

    /// <summary>Gets a file's name. The same string instance for the same file while the list is unchanged.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The file name (ASCII, at most 64 characters).</returns>
    string GetName(int index);

    /// <summary>Gets the recording a file belongs to (a recording may span continuation files).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The recording's identifier (ASCII, at most 64 characters).</returns>
    string GetRecordingId(string name);

    /// <summary>Gets a file's length.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The length in bytes.</returns>
    long GetLength(string name);

    /// <summary>Tells whether a file still belongs to an open recording (it may neither be confirmed nor deleted).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>True while the recording is being written.</returns>
    bool IsOpen(string name);

    /// <summary>Reads bytes of a file.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="position">Position in the file.</param>
    /// <param name="buffer">Destination.</param>
    /// <param name="offset">First byte of the destination.</param>
    /// <param name="count">Maximum number of bytes.</param>
    /// <returns>Bytes read; 0 at the end.</returns>
    int Read(string name, long position, byte[] buffer, int offset, int count);

    /// <summary>Deletes a file after a confirmed offload (durable on return).</summary>
    /// <param name="name">The file name.</param>
    void DeleteOffloaded(string name);
}
