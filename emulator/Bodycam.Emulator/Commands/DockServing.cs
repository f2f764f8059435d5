using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Bodycam.Emulator.Device;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// The dock endpoints of <c>run --dock-port/--dock-pty</c>: each device gets its own TCP port (the base port plus its
/// fleet index, or a free port when the base is 0) on 127.0.0.1 and/or its own pseudo-terminal, started before its
/// scenario runs (so an <c>offload: { link: tcp }</c> step uses it). After the scenario the devices stay up and serve
/// until the run is cancelled (Ctrl+C); a device answers only while it is in the dock.
/// </summary>
public sealed class DockServing : IDisposable
{
    private readonly int? _basePort;
    private readonly bool _pty;
    private readonly TextWriter _output;
    private const int TickMilliseconds = 20;

    private readonly List<EmulatedDevice> _devices = new();
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="DockServing"/> class.</summary>
    /// <param name="basePort">The first TCP port (0 picks free ports), or null for no TCP endpoint.</param>
    /// <param name="pty">Whether to open a pseudo-terminal per device.</param>
    /// <param name="output">Where the endpoints are announced.</param>
    /// <param name="time">The host clock the served devices follow (default: the system's).</param>
    public DockServing(int? basePort, bool pty, TextWriter output, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _basePort = basePort;
        _pty = pty;
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>Starts a device's endpoints and announces them (<c>dock HEE-01 tcp 127.0.0.1:4700</c>).</summary>
    /// <param name="device">The device.</param>
    /// <param name="index">Its 0-based fleet index.</param>
    /// <exception cref="DockEndpointException">The port is in use or not allowed, or no pseudo-terminal could be made.</exception>
    public void Start(EmulatedDevice device, int index)
    {
        ArgumentNullException.ThrowIfNull(device);
        string id = device.Options.DeviceId;
        if (_basePort is int port)
        {
            int wanted = port == 0 ? 0 : port + index;
            int bound;
            try
            {
                bound = device.StartDockTcp(wanted);
            }
            catch (SocketException e)
            {
                string what = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "is in use (another bodycam-emu, or another program)" : "cannot be opened (" + e.Message + ")";
                throw new DockEndpointException(
                    "--dock-port: 127.0.0.1:" + wanted.ToString(CultureInfo.InvariantCulture) + " for " + id + " " + what + "; give another --dock-port, or --dock-port 0 for free ports",
                    e);
            }

            _output.WriteLine("dock " + id + " tcp 127.0.0.1:" + bound.ToString(CultureInfo.InvariantCulture));
        }

        if (_pty)
        {
            string path;
            try
            {
                path = device.StartDockPty();
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                throw new DockEndpointException("--dock-pty: no pseudo-terminal for " + id + ": " + e.Message + "; use --dock-port instead", e);
            }

            _output.WriteLine("dock " + id + " pty " + path);
        }

        _output.Flush();
    }

    /// <summary>Keeps a device (its scenario has run) to serve until <see cref="Serve"/> ends; disposed with this.</summary>
    /// <param name="device">The device.</param>
    public void Keep(EmulatedDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _devices.Add(device);
    }

    /// <summary>Serves the kept devices until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="stop">Ends the serving (Ctrl+C).</param>
    public void Serve(CancellationToken stop)
    {
        foreach (EmulatedDevice device in _devices)
        {
            _output.WriteLine(device.Options.DeviceId + (device.IsDocked ? " is in the dock and answers" : " is not in the dock: it answers nothing (end the scenario with a dock step)"));
        }

        _output.WriteLine("serving the dock endpoints; Ctrl+C stops");
        _output.Flush();

        // The devices live on while they serve: their clocks follow the host's monotonic clock, so sessions and
        // challenges expire, back-offs end, partial frames time out and failures are audited as on a camera.
        DockServingClock clock = new(_devices, _time);
        while (!stop.WaitHandle.WaitOne(TickMilliseconds))
        {
            clock.Tick();
        }
    }

    /// <summary>Stops the endpoints and disposes the devices.</summary>
    public void Dispose()
    {
        foreach (EmulatedDevice device in _devices)
        {
            device.Dispose();
        }

        _devices.Clear();
    }
}
