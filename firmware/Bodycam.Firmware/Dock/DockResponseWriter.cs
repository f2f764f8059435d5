using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Builds one answer frame at a time in a buffer allocated once (docs/dock-protocol.md, "Framing"): header, payload
/// fields (little-endian integers, <c>str8</c> strings), then length and CRC at <see cref="Send"/>. Callers make sure
/// the payload fits: the buffer holds the options' largest response.
/// </summary>
public sealed class DockResponseWriter
{
    private const int ErrorPayloadSize = 7;

    private readonly byte[] _buffer;
    private readonly IByteChannel _channel;
    private readonly IFrameCrc _crc;
    private int _position;

    /// <summary>Initializes a new instance of the <see cref="DockResponseWriter"/> class.</summary>
    /// <param name="maxPayload">The largest response payload.</param>
    /// <param name="channel">Where frames go.</param>
    /// <param name="crc">The frame CRC.</param>
    public DockResponseWriter(int maxPayload, IByteChannel channel, IFrameCrc crc)
    {
        if (maxPayload < ErrorPayloadSize)
        {
            throw new ArgumentOutOfRangeException("maxPayload");
        }

        _buffer = new byte[DockProtocol.HeaderSize + maxPayload + DockProtocol.TrailerSize];
        _channel = channel;
        _crc = crc;
    }

    /// <summary>Gets the frame buffer (a caller may fill a field in place at <see cref="Reserve"/>'s offset).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Gets the offset of the next payload byte.</summary>
    public int Position => _position;

    /// <summary>Starts the response to a request.</summary>
    /// <param name="type">The request's type; the response flag is added.</param>
    /// <param name="requestId">The request's id.</param>
    public void Begin(int type, int requestId)
    {
        _buffer[0] = DockProtocol.Magic0;
        _buffer[1] = DockProtocol.Magic1;
        _buffer[2] = DockProtocol.Magic2;
        _buffer[3] = DockProtocol.Magic3;
        _buffer[4] = DockProtocol.FrameVersion;
        _buffer[5] = (byte)(type | DockProtocol.ResponseFlag);
        LittleEndian.WriteUInt16(_buffer, 6, requestId);
        _position = DockProtocol.HeaderSize;
    }

    /// <summary>Writes a byte.</summary>
    /// <param name="value">The value (its low byte).</param>
    public void WriteByte(int value)
    {
        _buffer[_position++] = (byte)value;
    }

    /// <summary>Writes a little-endian uint16.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(int value)
    {
        LittleEndian.WriteUInt16(_buffer, _position, value);
        _position += 2;
    }

    /// <summary>Writes a little-endian uint32.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value)
    {
        LittleEndian.WriteUInt32(_buffer, _position, value);
        _position += 4;
    }

    /// <summary>Writes a little-endian int64.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt64(long value)
    {
        LittleEndian.WriteInt64(_buffer, _position, value);
        _position += 8;
    }

    /// <summary>Writes bytes.</summary>
    /// <param name="source">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    public void WriteBytes(byte[] source, int offset, int count)
    {
        Array.Copy(source, offset, _buffer, _position, count);
        _position += count;
    }

    /// <summary>Writes a <c>str8</c>: see <see cref="WriteAsciiAt"/>.</summary>
    /// <param name="value">The text.</param>
    public void WriteAscii(string value)
    {
        _position = WriteAsciiAt(_buffer, _position, value);
    }

    /// <summary>Leaves room for a field the caller fills in place in <see cref="Buffer"/>.</summary>
    /// <param name="count">The field's length.</param>
    /// <returns>Where the field starts.</returns>
    public int Reserve(int count)
    {
        int at = _position;
        _position += count;
        return at;
    }

    /// <summary>Overwrites a byte written earlier (a count known only at the end).</summary>
    /// <param name="at">The byte's offset.</param>
    /// <param name="value">The value.</param>
    public void Patch(int at, int value)
    {
        _buffer[at] = (byte)value;
    }

    /// <summary>Completes the frame (length and CRC) and writes it to the channel.</summary>
    public void Send()
    {
        LittleEndian.WriteUInt32(_buffer, 8, (uint)(_position - DockProtocol.HeaderSize));
        uint crc = _crc.Update(0, _buffer, 4, _position - 4);
        LittleEndian.WriteUInt32(_buffer, _position, crc);
        _channel.Write(_buffer, 0, _position + DockProtocol.TrailerSize);
    }

    /// <summary>Sends an error frame (docs/dock-protocol.md, "Errors"): code, the request's type, detail.</summary>
    /// <param name="requestType">The type of the request refused.</param>
    /// <param name="requestId">Its id.</param>
    /// <param name="error">The error code.</param>
    /// <param name="detail">The code's detail.</param>
    public void SendError(int requestType, int requestId, DockError error, uint detail)
    {
        Begin((int)DockCommand.Error, requestId);
        _buffer[5] = (byte)DockCommand.Error;
        WriteUInt16((int)error);
        WriteByte(requestType);
        WriteUInt32(detail);
        Send();
    }

    /// <summary>
    /// Writes a <c>str8</c> at <paramref name="at"/>: a length byte and the characters, at most
    /// <see cref="DockProtocol.MaxStringLength"/>; anything outside printable ASCII becomes '?'.
    /// </summary>
    /// <param name="target">The buffer.</param>
    /// <param name="at">Where the length byte goes.</param>
    /// <param name="value">The text.</param>
    /// <returns>The offset after the last character.</returns>
    public static int WriteAsciiAt(byte[] target, int at, string value)
    {
        int length = value.Length < DockProtocol.MaxStringLength ? value.Length : DockProtocol.MaxStringLength;
        target[at++] = (byte)length;
        for (int i = 0; i < length; i++)
        {
            char c = value[i];
            target[at++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
        }

        return at;
    }
}
