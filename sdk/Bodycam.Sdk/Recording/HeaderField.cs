using System;
using System.Buffers.Binary;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// One field of the recording header: its name in docs/recording-format.md's header table, its offset from its
/// part's origin (the file start, <c>p</c> = the end of the device id, or a stanza's start) and its length (0 for a
/// field whose length another field gives). The reader takes header bytes only through these.
/// </summary>
/// <param name="Name">The field's name in the spec's table.</param>
/// <param name="Offset">Bytes from the part's origin.</param>
/// <param name="Length">Bytes of the field, or 0 for a variable-length field.</param>
public readonly record struct HeaderField(string Name, int Offset, int Length)
{
    /// <summary>Gets the field's position in a buffer whose part starts at <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The field's first byte.</returns>
    public int At(int origin) => origin + Offset;

    /// <summary>Gets a fixed-length field's bytes.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The field's bytes.</returns>
    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> header, int origin)
    {
        RequireFixed();
        return header.Slice(origin + Offset, Length);
    }

    /// <summary>Gets a fixed-length field's bytes.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The field's bytes.</returns>
    public ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> header, int origin)
    {
        RequireFixed();
        return header.Slice(origin + Offset, Length);
    }

    /// <summary>Reads a one-byte field.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public byte ReadByte(ReadOnlySpan<byte> header, int origin)
    {
        Require(1);
        return header[origin + Offset];
    }

    /// <summary>Reads a big-endian 16-bit field.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public int ReadUInt16(ReadOnlySpan<byte> header, int origin)
    {
        Require(2);
        return BinaryPrimitives.ReadUInt16BigEndian(header[(origin + Offset)..]);
    }

    /// <summary>Reads a big-endian 32-bit field.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public uint ReadUInt32(ReadOnlySpan<byte> header, int origin)
    {
        Require(4);
        return BinaryPrimitives.ReadUInt32BigEndian(header[(origin + Offset)..]);
    }

    /// <summary>Reads a big-endian 64-bit field.</summary>
    /// <param name="header">The header bytes.</param>
    /// <param name="origin">Where the field's part starts.</param>
    /// <returns>The value.</returns>
    public long ReadInt64(ReadOnlySpan<byte> header, int origin)
    {
        Require(8);
        return BinaryPrimitives.ReadInt64BigEndian(header[(origin + Offset)..]);
    }

    private void RequireFixed()
    {
        if (Length == 0)
        {
            throw new InvalidOperationException($"The header field {Name} has a variable length.");
        }
    }

    private void Require(int length)
    {
        // A programming error (a field read with the wrong width), never a property of the input.
        if (Length != length)
        {
            throw new InvalidOperationException($"The header field {Name} has {Length} bytes, not {length}.");
        }
    }
}
