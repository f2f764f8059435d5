using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The few POSIX calls a move or link intake needs that .NET does not offer as such: the device and inode of a path
/// (statx(2)), a rename that fails instead of copying when the two paths are on different file systems (rename(2):
/// .NET's File.Move copies and deletes on EXDEV), a hard link (link(2)), and fsync(2) of a file opened for reading or
/// of a folder (the latter the offloader's, <c>DestinationSync.FlushFolderEntries</c>). Linux only; elsewhere
/// <see cref="DeviceOf"/> answers null, so a move intake copies instead.
/// </summary>
internal static class FileSystem
{
    // errno values (asm-generic/errno-base.h).
    private const int ExDev = 18;

    // fcntl.h: AT_FDCWD; statx mask STATX_BASIC_STATS (the device fields are filled whatever the mask says).
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    // struct statx (linux/stat.h): stx_dev_major at byte 136, stx_dev_minor at 140; the struct is 256 bytes.
    private const int StatxSize = 256;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;
    private const int InodeOffset = 32;

    /// <summary>The device number of the file system holding <paramref name="path"/>, or null when it cannot be told (not Linux, no statx).</summary>
    /// <param name="path">An existing file or folder.</param>
    /// <returns>The device number (major in the high 32 bits), or null.</returns>
    /// <exception cref="IOException">The path cannot be examined (missing, no permission).</exception>
    public static ulong? DeviceOf(string path) => IdentityOf(path)?.Device;

    /// <summary>The device and inode numbers of <paramref name="path"/> (two names with the same pair are one file), or null when they cannot be told.</summary>
    /// <param name="path">An existing file or folder.</param>
    /// <returns>The pair, or null.</returns>
    /// <exception cref="IOException">The path cannot be examined (missing, no permission).</exception>
    public static (ulong Device, ulong Inode)? IdentityOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte[] buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, 0, StatxBasicStats, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): the device cannot be told, so a move intake copies.
            return null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }

        if (result != 0)
        {
            throw Failure("examine", path, Marshal.GetLastPInvokeError());
        }

        uint major = BitConverter.ToUInt32(buffer, DevMajorOffset);
        uint minor = BitConverter.ToUInt32(buffer, DevMinorOffset);
        return (((ulong)major << 32) | minor, BitConverter.ToUInt64(buffer, InodeOffset));
    }

    /// <summary>
    /// Gives the existing file <paramref name="from"/> a second name <paramref name="to"/> (a hard link: one file, its
    /// bytes not copied). Returns false, having changed nothing, when the two are on different file systems.
    /// </summary>
    /// <param name="from">The existing file.</param>
    /// <param name="to">The new name; must not exist.</param>
    /// <returns>True when linked; false on EXDEV.</returns>
    /// <exception cref="IOException">Any other failure, with the errno.</exception>
    public static bool Link(string from, string to)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (LinkNative(from, to) == 0)
        {
            return true;
        }

        int errno = Marshal.GetLastPInvokeError();
        if (errno == ExDev)
        {
            return false;
        }

        throw Failure("link " + from + " as", to, errno);
    }

    /// <summary>
    /// Renames <paramref name="from"/> to <paramref name="to"/> on one file system (replacing nothing the caller has
    /// not checked for). Returns false, having changed nothing, when the two are on different file systems.
    /// </summary>
    /// <param name="from">The existing file.</param>
    /// <param name="to">The new name.</param>
    /// <returns>True when renamed; false on EXDEV.</returns>
    /// <exception cref="IOException">Any other failure, with the errno.</exception>
    public static bool Rename(string from, string to)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (RenameNative(from, to) == 0)
        {
            return true;
        }

        int errno = Marshal.GetLastPInvokeError();
        if (errno == ExDev)
        {
            return false;
        }

        throw Failure("rename " + from + " to", to, errno);
    }

    /// <summary>Flushes a file opened by <paramref name="handle"/> (read-only is enough) to disk.</summary>
    /// <param name="handle">The open file.</param>
    /// <param name="path">Its path, for the error.</param>
    public static void Sync(SafeFileHandle handle, string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        if (Fsync(handle) != 0)
        {
            throw Failure("flush", path, Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Flushes a folder's entries to disk (so a rename into or out of it survives a power cut).</summary>
    /// <param name="folder">The folder.</param>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The offloader's folder flush, one implementation for both (open read-only, fsync, close).
        Bodycam.Sdk.Offload.DestinationSync.FlushFolderEntries(folder);
        FolderSynced.Value?.Invoke(folder);
    }

    /// <summary>
    /// Tests only: called with each folder after it was flushed, on the flow that set it (an async-local, so that tests
    /// running side by side do not see each other's folders; it flows into the pool threads intake starts).
    /// </summary>
    internal static AsyncLocal<Action<string>?> FolderSynced { get; } = new();

    private static IOException Failure(string what, string path, int errno) =>
        new($"Cannot {what} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "rename", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameNative(string from, string to);

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LinkNative(string from, string to);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(SafeFileHandle handle);
}
