using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// Asks Linux to start writing a range of a file to disk now, without waiting (sync_file_range(2) with
/// SYNC_FILE_RANGE_WRITE), so the disk works while intake hashes and verifies and the one fsync per file at the end
/// has little left to wait for. Only a hint: it makes nothing durable (the fsync does), and elsewhere it does nothing.
/// </summary>
internal static class WriteBack
{
    // include/uapi/linux/fs.h
    private const uint SyncFileRangeWrite = 2;

    private static bool s_unavailable = !OperatingSystem.IsLinux();

    public static void Start(SafeFileHandle file, long offset, long count)
    {
        if (s_unavailable)
        {
            return;
        }

        try
        {
            // A failure (an unsupported file system, ENOSYS) only loses the hint; the fsync that follows still runs
            // and still reports a real write error.
            _ = SyncFileRange(file, offset, count, SyncFileRangeWrite);
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true;
        }
        catch (DllNotFoundException)
        {
            s_unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFileRange(SafeFileHandle file, long offset, long count, uint flags);
}
