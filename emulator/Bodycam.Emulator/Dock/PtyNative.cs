using System;
using System.Runtime.InteropServices;

namespace Bodycam.Emulator.Dock;

/// <summary>The libc calls for a pseudo-terminal (POSIX.1-2008 posix_openpt, grantpt, unlockpt, ptsname; termios).</summary>
internal static class PtyNative
{
    public const int ReadWrite = 2;
    public const int NoControllingTerminal = 0x100;
    public const short PollIn = 0x001;
    public const int TcsaNow = 0;

    // struct termios is 60 bytes on glibc x86-64 and aarch64; a larger opaque buffer is safe for tcgetattr/cfmakeraw.
    public const int TermiosBufferSize = 256;

    [DllImport("libc", SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern IntPtr ptsname(int fd);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    public static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcsetattr(int fd, int actions, byte[] termios);

    [DllImport("libc")]
    public static extern void cfmakeraw(byte[] termios);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
