using System;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// One field of the recording header: its name in docs/recording-format.md's header table, where it starts relative
/// to its part's origin (the file start, the end of the device id, or the start of a stanza) and how many bytes it
/// has (0 for a field whose length is given by another field). The writer and the boot scan read and write header
/// bytes only through these, so an offset is written down once, in <see cref="RecordingHeaderLayout"/>.
/// </summary>
public sealed class HeaderField
{
    /// <summary>Initializes a new instance of the <see cref="HeaderField"/> class.</summary>
    /// <param name="name">The field's name in the spec's table.</param>
    /// <param name="offset">Bytes from the part's origin.</param>
    /// <param name="length">Bytes of the field, or 0 for a variable-length field.</param>
    public HeaderField(string name, int offset, int length)
    {
        Name = name;
        Offset = offset;
        Length = length;
    }

    /// <summary>Gets the field's name in docs/recording-format.md.</summary>
    public string Name { get; }

    /// <summary>Gets the field's offset from its part's origin.</summary>
    public int Offset { get; }

    /// <summary>Gets the field's length in bytes (0: variable, given by another field).</summary>
    public int Length { get; }

    /// <summary>Gets the offset just past the field (for a variable field, its start).</summary>
    public int End => Offset + Length;

    /// <summary>Gets the field's position in a buffer whose part starts at <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the field's part starts in the buffer.</param>
    /// <returns>The field's first byte.</returns>
    public int At(int origin)
    {
        return origin + Offset;
    }

    /// <summary>Reads a one-byte field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public int ReadByte(byte[] buffer, int origin)
    {
        Require(1);
        return buffer[origin + Offset];
    }

    /// <summary>Writes a one-byte field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <param name="value">The value (its low byte is written).</param>
    public void WriteByte(byte[] buffer, int origin, int value)
    {
        Require(1);
        buffer[origin + Offset] = (byte)value;
    }

    /// <summary>Reads a big-endian 16-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public int ReadUInt16(byte[] buffer, int origin)
    {
        Require(2);
        return BigEndian.ReadUInt16(buffer, origin + Offset);
    }

    /// <summary>Writes a big-endian 16-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <param name="value">The value.</param>
    public void WriteUInt16(byte[] buffer, int origin, int value)
    {
        Require(2);
        BigEndian.WriteUInt16(buffer, origin + Offset, value);
    }

    /// <summary>Reads a big-endian 32-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public uint ReadUInt32(byte[] buffer, int origin)
    {
        Require(4);
        return BigEndian.ReadUInt32(buffer, origin + Offset);
    }

    /// <summary>Writes a big-endian 32-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <param name="value">The value.</param>
    public void WriteUInt32(byte[] buffer, int origin, uint value)
    {
        Require(4);
        BigEndian.WriteUInt32(buffer, origin + Offset, value);
    }

    /// <summary>Reads a big-endian 64-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public long ReadInt64(byte[] buffer, int origin)
    {
        Require(8);
        return BigEndian.ReadInt64(buffer, origin + Offset);
    }

    /// <summary>Writes a big-endian 64-bit field.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(byte[] buffer, int origin, long value)
    {
        Require(8);
        BigEndian.WriteInt64(buffer, origin + Offset, value);
    }

    /// <summary>Copies a fixed-length field's bytes into the header.</summary>
    /// <param name="buffer">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <param name="source">The field's value; <see cref="Length"/> bytes are copied.</param>
    /// <param name="sourceOffset">First byte of the value.</param>
    public void WriteBytes(byte[] buffer, int origin, byte[] source, int sourceOffset)
    {
        if (Length == 0)
        {
            throw new InvalidOperationException("The header field " + Name + " has a variable length.");
        }

        Array.Copy(source, sourceOffset, buffer, origin + Offset, Length);
    }

    private void Require(int length)
    {
        // A programming error (a field read with the wrong width), never a property of the input.
        if (Length != length)
        {
            throw new InvalidOperationException("The header field " + Name + " has " + Length.ToString() + " bytes, not " + length.ToString() + ".");
        }
    }
}
