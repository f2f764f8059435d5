using System.IO;
using System.IO.Ports;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// A serial link to a device: the camera's USB CDC port on a dock, or the emulator's pseudo-terminal. Raw 8N1, no
/// flow control; the line rate is ignored by USB CDC and pseudo-terminals.
/// </summary>
public sealed class SerialDockTransport : IDockTransport
{
    private readonly SerialPort _port;

    private SerialDockTransport(SerialPort port)
    {
        _port = port;
        Stream = port.BaseStream;
        Description = "serial " + port.PortName;
    }

    /// <inheritdoc/>
    public Stream Stream { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Opens a serial port.</summary>
    /// <param name="portName">The port (for example /dev/ttyACM0 or /dev/pts/3).</param>
    /// <param name="baudRate">Line rate.</param>
    /// <returns>The transport.</returns>
    public static SerialDockTransport Open(string portName, int baudRate = 115200)
    {
        SerialPort port = new(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 1 << 16,
            WriteBufferSize = 1 << 16,
        };
        port.Open();
        return new SerialDockTransport(port);
    }

    /// <inheritdoc/>
    public void Dispose() => _port.Dispose();
}
