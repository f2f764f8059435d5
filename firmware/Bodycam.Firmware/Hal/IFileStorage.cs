namespace Bodycam.Firmware.Hal;

/// <summary>
/// The on-device storage (a FAT volume on the SD card, or a directory or memory in the emulator). Flat names, no
/// directories. A write is durable only after <see cref="Flush"/>; a power cut may lose or tear unflushed data.
/// Failures throw <see cref="StorageException"/>.
/// </summary>
public interface IFileStorage
{
    /// <summary>Lists the names of all files.</summary>
    /// <returns>The names, in no particular order.</returns>
    string[] List();

    /// <summary>Tells whether a file exists.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>True when it exists.</returns>
    bool Exists(string name);

    /// <summary>Creates an empty file; fails if it exists.</summary>
    /// <param name="name">The file name.</param>
    void Create(string name);

    /// <summary>Appends bytes at the end of a file.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="buffer">The source buffer.</param>
    /// <param name="offset">The first byte to write.</param>
    /// <param name="count">The number of bytes to write.</param>
    void Append(string name, byte[] buffer, int offset, int count);

    /// <summary>Makes everything written to a file so far durable.</summary>
    /// <param name="name">The file name.</param>
    void Flush(string name);

    /// <summary>Reads bytes from a file.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="position">The position in the file.</param>
    /// <param name="buffer">The destination buffer.</param>
    /// <param name="offset">The first byte of the destination to fill.</param>
    /// <param name="count">The maximum number of bytes to read.</param>
    /// <returns>The number of bytes read; 0 at the end of the file.</returns>
    int Read(string name, long position, byte[] buffer, int offset, int count);

    /// <summary>Gets the length of a file.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The length in bytes.</returns>
    long GetLength(string name);

    /// <summary>Cuts a file to a length (durable on return).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="length">The new length, not more than the current one.</param>
    void Truncate(string name, long length);

    /// <summary>Deletes a file (durable on return).</summary>
    /// <param name="name">The file name.</param>
    void Delete(string name);

    /// <summary>Reads the free space.</summary>
    /// <returns>Bytes that can still be written.</returns>
    long ReadFreeBytes();

    /// <summary>Reads the capacity of the volume.</summary>
    /// <returns>Bytes in all.</returns>
    long ReadCapacityBytes();
}
