using System;
using System.Buffers.Binary;
using System.Text;

namespace Bodycam.Sdk.Dock;

/// <summary>Parses a response payload; any short or overlong payload is a malformed response.</summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _p;

    public PayloadReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _p = 0;
    }

    public readonly int Remaining => _data.Length - _p;

    public byte Byte() => Take(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string Ascii() => Encoding.ASCII.GetString(Take(Byte()));

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _data.Length - _p < count)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device's answer is too short.");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_p, count);
        _p += count;
        return slice;
    }

    public readonly ReadOnlySpan<byte> Rest() => _data[_p..];

    public readonly void End()
    {
        if (_p != _data.Length)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device's answer is too long.");
        }
    }
}
