using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Bodycam.Sdk.Offload;

/// <summary>
/// The durability steps of an offload (docs/dock-protocol.md, "Offload (host side)"): a file is flushed with
/// <see cref="FileStream.Flush(bool)"/> (fsync(2) on Linux, FlushFileBuffers on Windows); on Linux a folder is opened
/// read-only and fsync(2)ed, so that the renames into it survive a power cut. Elsewhere the folder step does nothing:
/// Windows has no way to flush a folder's entries from user code (NTFS journals them itself), and other systems are
/// not supported by this step.
/// </summary>
internal sealed class DestinationSync : IDestinationSync
{
    private const int OpenReadOnly = 0;

    /// <inheritdoc/>
    public void FlushFile(FileStream file) => file.Flush(true);

    /// <inheritdoc/>
    public void FlushFolder(string folder) => FlushFolderEntries(folder);

    /// <summary>
    /// Flushes a folder's entries to the disk, so that renames into or out of it survive a power cut: on Linux the
    /// folder is opened read-only and fsync(2)ed; elsewhere nothing is done (see the class). Shared with the evidence
    /// vault's object store.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <exception cref="IOException">The folder could not be opened or flushed; the message names it and the errno.</exception>
    internal static void FlushFolderEntries(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(folder, OpenReadOnly);
        if (fd < 0)
        {
            throw Failure("open the folder", folder, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw Failure("flush the folder", folder, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static IOException Failure(string what, string path, int errno) =>
        new($"Cannot {what} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
