using System;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Dock;

/// <summary>
/// The emulated camera's USB port: the byte channel the firmware's dock service answers on, and the single entry
/// through which the endpoints (TCP, pseudo-terminal) deliver received bytes. Everything the service does happens
/// under the board lock, as on the device where the board loop is the only caller.
/// </summary>
public sealed class DockLink : IByteChannel
{
    private readonly object _boardLock;
    private DockService? _service;
    private IDockPeer? _current;

    /// <summary>Initializes a new instance of the <see cref="DockLink"/> class.</summary>
    /// <param name="boardLock">The lock that serialises all calls into the firmware core.</param>
    public DockLink(object boardLock)
    {
        _boardLock = boardLock;
    }

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
            DockService service = _service ?? throw new InvalidOperationException("No dock service attached.");
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
