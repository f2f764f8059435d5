using System.IO.Ports;
using System.Threading;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Board;

/// <summary>
/// The dock link on the board: a serial port (the dock's USB CDC link, hardware-notes.md "Reference board"). Bytes
/// that arrive are only signalled from the driver's thread (<see cref="AutoResetEvent"/>); the board loop reads
/// them and hands them to the dock service with <see cref="Pump"/>, so the core and the dock service see one loop.
/// </summary>
public sealed class SerialDockChannel : IByteChannel
{
    private readonly SerialPort _port;
    private readonly AutoResetEvent _wake;
    private readonly byte[] _buffer = new byte[4096];

    /// <summary>Initializes a new instance of the <see cref="SerialDockChannel"/> class and opens the port.</summary>
    /// <param name="portName">The port (for example "COM2").</param>
    /// <param name="wake">Set when bytes arrive, to wake the board loop.</param>
    public SerialDockChannel(string portName, AutoResetEvent wake)
    {
        _wake = wake;
        _port = new SerialPort(portName, 921600);
        _port.DataReceived += OnDataReceived;
        _port.Open();
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        _port.Write(buffer, offset, count);
    }

    /// <summary>Hands every byte waiting on the port to the dock service, then lets its timers act (board loop).</summary>
    /// <param name="service">The dock service.</param>
    public void Pump(DockService service)
    {
        int available;
        while ((available = _port.BytesToRead) > 0)
        {
            int read = _port.Read(_buffer, 0, available < _buffer.Length ? available : _buffer.Length);
            if (read <= 0)
            {
                break;
            }

            service.Receive(_buffer, 0, read);
        }

        service.Poll();
    }

    private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
    {
        _wake.Set();
    }
}
