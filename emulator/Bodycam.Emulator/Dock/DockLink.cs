using System;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Dock;

/// <summary>
/// The emulated camera's USB port: the byte channel the firmware's dock service answers on, and the single entry
/// through which the endpoints (TCP, pseudo-terminal) deliver received bytes. Everything the service does happens
/// under the board lock, as on the device where the board loop is the only caller. The port only carries data while
/// the camera sits in the dock (<see cref="IsConnected"/>, the dock-detect line) and a service is attached (the device
/// has power): otherwise received bytes are dropped, as on an unplugged cable, and counted.
/// </summary>
public sealed class DockLink : IByteChannel
{
    private readonly object _boardLock;
    private DockService? _service;
    private IDockPeer? _current;
    private bool _connected = true;

    /// <summary>Initializes a new instance of the <see cref="DockLink"/> class.</summary>
    /// <param name="boardLock">The lock that serialises all calls into the firmware core.</param>
    public DockLink(object boardLock)
    {
        _boardLock = boardLock;
    }

    /// <summary>
    /// Gets or sets a value indicating whether the port is connected (the camera is in the dock). Connected by
    /// default, so a link used on its own behaves as a cable; the emulated device follows its dock-detect line.
    /// Taking the camera out ends the host's session.
    /// </summary>
    public bool IsConnected
    {
        get
        {
            lock (_boardLock)
            {
                return _connected;
            }
        }

        set
        {
            lock (_boardLock)
            {
                if (_connected && !value)
                {
                    _service?.Reset();
                    _current = null;
                }

                _connected = value;
            }
        }
    }

    /// <summary>Gets a value indicating whether a dock service is attached (the device has power).</summary>
    public bool HasService
    {
        get
        {
            lock (_boardLock)
            {
                return _service != null;
            }
        }
    }

    /// <summary>Gets the number of received bytes dropped because the port was disconnected or the device off.</summary>
    public long BytesDropped { get; private set; }

    /// <summary>Gets the number of bytes received from hosts.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Gets the number of bytes sent to hosts.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Connects the firmware's dock service (built with this link as its channel).</summary>
    /// <param name="service">The service.</param>
    public void Attach(DockService service)
    {
        lock (_boardLock)
        {
            _service = service;
            _current = null;
        }
    }

    /// <summary>Disconnects the service (the device lost power); input is dropped until one is attached again.</summary>
    public void Detach()
    {
        lock (_boardLock)
        {
            _service = null;
            _current = null;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        // Called by the service inside Deliver, under the board lock.
        BytesSent += count;
        _current?.Send(buffer, offset, count);
    }

    /// <summary>Hands bytes from a peer to the firmware; a new peer first resets the link (a new USB session).</summary>
    /// <param name="peer">Who sent them (answers go back to it).</param>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    public void Deliver(IDockPeer peer, byte[] buffer, int offset, int count)
    {
        lock (_boardLock)
        {
            DockService? service = _service;
            if (service == null || !_connected)
            {
                BytesDropped += count;
                return;
            }

            if (!ReferenceEquals(peer, _current))
            {
                service.Reset();
                _current = peer;
            }

            BytesReceived += count;
            service.Poll();
            service.Receive(buffer, offset, count);
        }
    }

    /// <summary>Lets the service's timers act (call now and then while idle).</summary>
    public void Poll()
    {
        lock (_boardLock)
        {
            _service?.Poll();
        }
    }

    /// <summary>A peer went away: ends its session.</summary>
    /// <param name="peer">The peer.</param>
    public void Disconnect(IDockPeer peer)
    {
        lock (_boardLock)
        {
            if (ReferenceEquals(peer, _current))
            {
                _service?.Reset();
                _current = null;
            }
        }
    }
}
