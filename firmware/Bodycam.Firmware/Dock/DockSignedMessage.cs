using System;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Builds the byte string a signature covers (docs/dock-protocol.md, "Authentication", "Dock keys", "Provisioning"
/// and "PushConfiguration": a domain label, then fields as on the wire) in a buffer allocated once.
/// </summary>
public sealed class DockSignedMessage
{
    private readonly byte[] _buffer;

    /// <summary>Initializes a new instance of the <see cref="DockSignedMessage"/> class.</summary>
    /// <param name="capacity">The longest message.</param>
    public DockSignedMessage(int capacity)
    {
        _buffer = new byte[capacity];
    }

    /// <summary>Gets the message buffer (the first <see cref="Length"/> bytes are the message).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Gets the message's length.</summary>
    public int Length { get; private set; }

    /// <summary>Starts a message with its domain label.</summary>
    /// <param name="label">An ASCII label.</param>
    public void Begin(string label)
    {
        for (int i = 0; i < label.Length; i++)
        {
            _buffer[i] = (byte)label[i];
        }

        Length = label.Length;
    }

    /// <summary>Appends a byte.</summary>
    /// <param name="value">The value (its low byte).</param>
    public void AddByte(int value)
    {
        _buffer[Length++] = (byte)value;
    }

    /// <summary>Appends a little-endian uint16.</summary>
    /// <param name="value">The value.</param>
    public void AddUInt16(int value)
    {
        LittleEndian.WriteUInt16(_buffer, Length, value);
        Length += 2;
    }

    /// <summary>Appends a little-endian uint32.</summary>
    /// <param name="value">The value.</param>
    public void AddUInt32(uint value)
    {
        LittleEndian.WriteUInt32(_buffer, Length, value);
        Length += 4;
    }

    /// <summary>Appends a little-endian int64.</summary>
    /// <param name="value">The value.</param>
    public void AddInt64(long value)
    {
        LittleEndian.WriteInt64(_buffer, Length, value);
        Length += 8;
    }

    /// <summary>Appends bytes.</summary>
    /// <param name="source">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    public void AddBytes(byte[] source, int offset, int count)
    {
        Array.Copy(source, offset, _buffer, Length, count);
        Length += count;
    }

    /// <summary>Appends a <c>str8</c> as the wire carries it (<see cref="DockResponseWriter.WriteAsciiAt"/>).</summary>
    /// <param name="value">The text.</param>
    public void AddAscii(string value)
    {
        Length = DockResponseWriter.WriteAsciiAt(_buffer, Length, value);
    }
}
