using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Threading;

namespace Bodycam.Emulator.Dock;

/// <summary>
/// Serves the dock protocol on a pseudo-terminal (Linux and other POSIX systems), so a host opens
/// <see cref="SlavePath"/> (/dev/pts/N) with an ordinary serial library as it would a camera's USB CDC port. The
/// endpoint keeps its own handle on the slave side, set to raw mode, so bytes pass unaltered and the master does not
/// see a hang-up between hosts. A pseudo-terminal carries no connect or disconnect: a host's hello starts afresh.
/// </summary>
public sealed class DockPtyEndpoint : IDisposable, IDockPeer
{
    private readonly DockLink _link;
    private int _master = -1;
    private int _slave = -1;
    private Thread? _thread;
    private volatile bool _stopping;
    private byte[] _writeBuffer = new byte[1 << 16];

    /// <summary>Initializes a new instance of the <see cref="DockPtyEndpoint"/> class.</summary>
    /// <param name="link">The camera's dock link.</param>
    public DockPtyEndpoint(DockLink link)
    {
        _link = link;
    }

    /// <summary>Gets the path a host opens (after <see cref="Start"/>).</summary>
    public string SlavePath { get; private set; } = string.Empty;

    /// <summary>Creates the pseudo-terminal and starts serving on a background thread.</summary>
    /// <exception cref="PlatformNotSupportedException">Not a POSIX system.</exception>
    /// <exception cref="Win32Exception">A libc call failed.</exception>
    public void Start()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need a POSIX system.");
        }

        _master = Check(PtyNative.posix_openpt(PtyNative.ReadWrite | PtyNative.NoControllingTerminal), "posix_openpt");
        Check(PtyNative.grantpt(_master), "grantpt");
        Check(PtyNative.unlockpt(_master), "unlockpt");
        IntPtr name = PtyNative.ptsname(_master);
        if (name == IntPtr.Zero)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "ptsname failed");
        }

        SlavePath = Marshal.PtrToStringAnsi(name) ?? throw new Win32Exception("ptsname returned no name");
        _slave = Check(PtyNative.open(SlavePath, PtyNative.ReadWrite | PtyNative.NoControllingTerminal), "open slave");
        MakeRaw(_slave);
        MakeRaw(_master);
        _thread = new Thread(Serve) { IsBackground = true, Name = "dock-pty" };
        _thread.Start();
    }

    /// <inheritdoc/>
    public void Send(byte[] buffer, int offset, int count)
    {
        if (offset != 0)
        {
            if (_writeBuffer.Length < count)
            {
                _writeBuffer = new byte[count];
            }

            Array.Copy(buffer, offset, _writeBuffer, 0, count);
            buffer = _writeBuffer;
        }

        int done = 0;
        while (done < count)
        {
            byte[] chunk = buffer;
            if (done > 0)
            {
                Array.Copy(buffer, done, _writeBuffer, 0, count - done);
                chunk = _writeBuffer;
            }

            nint written = PtyNative.write(_master, chunk, count - done);
            if (written <= 0)
            {
                // The pseudo-terminal is closing; the bytes are lost as on an unplugged cable.
                return;
            }

            done += (int)written;
        }
    }

    /// <summary>Stops serving and closes the pseudo-terminal.</summary>
    public void Dispose()
    {
        _stopping = true;
        _thread?.Join();
        if (_slave >= 0)
        {
            PtyNative.close(_slave);
        }

        if (_master >= 0)
        {
            PtyNative.close(_master);
        }
    }

    private static int Check(int result, string call)
    {
        if (result < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), call + " failed");
        }

        return result;
    }

    private static void MakeRaw(int fd)
    {
        byte[] termios = new byte[PtyNative.TermiosBufferSize];
        Check(PtyNative.tcgetattr(fd, termios), "tcgetattr");
        PtyNative.cfmakeraw(termios);
        Check(PtyNative.tcsetattr(fd, PtyNative.TcsaNow, termios), "tcsetattr");
    }

    private void Serve()
    {
        byte[] buffer = new byte[1 << 16];
        PtyNative.PollFd[] fds = [new PtyNative.PollFd { Fd = _master, Events = PtyNative.PollIn }];
        while (!_stopping)
        {
            fds[0].Revents = 0;
            int ready = PtyNative.poll(fds, 1, 50);
            if (ready <= 0 || (fds[0].Revents & PtyNative.PollIn) == 0)
            {
                _link.Poll();
                continue;
            }

            nint read = PtyNative.read(_master, buffer, buffer.Length);
            if (read > 0)
            {
                _link.Deliver(this, buffer, 0, (int)read);
            }
        }
    }
}
