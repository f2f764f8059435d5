using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace Bodycam.Sdk.Dock;

/// <summary>Builds a request payload in the protocol's encoding (little-endian, length-prefixed ASCII strings).</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _stream = new();

    public PayloadWriter Byte(int value)
    {
        _stream.WriteByte((byte)value);
        return this;
    }

    public PayloadWriter UInt16(int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        _stream.Write(b);
        return this;
    }

    public PayloadWriter UInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        _stream.Write(b);
        return this;
    }

    public PayloadWriter Int64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        _stream.Write(b);
        return this;
    }

    public PayloadWriter Bytes(ReadOnlySpan<byte> value)
    {
        _stream.Write(value);
        return this;
    }

    public PayloadWriter Ascii(string value)
    {
        if (value.Length > 64)
        {
            throw new ArgumentException("Protocol strings have at most 64 characters.", nameof(value));
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException("Protocol strings are printable ASCII.", nameof(value));
            }
        }

        _stream.WriteByte((byte)value.Length);
        _stream.Write(Encoding.ASCII.GetBytes(value));
        return this;
    }

    public byte[] ToArray() => _stream.ToArray();
}
