using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>The dock link's device-to-host direction: keeps every byte the dock service sent, in order.</summary>
public sealed class CapturingChannel : IByteChannel
{
    private byte[] _bytes = new byte[1024];

    /// <summary>Gets the number of bytes captured.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the captured bytes (the buffer; read up to <see cref="Length"/>).</summary>
    public byte[] Bytes => _bytes;

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        if (Length + count > _bytes.Length)
        {
            int size = _bytes.Length * 2;
            while (size < Length + count)
            {
                size *= 2;
            }

            byte[] grown = new byte[size];
            Array.Copy(_bytes, grown, Length);
            _bytes = grown;
        }

        Array.Copy(buffer, offset, _bytes, Length, count);
        Length += count;
    }

    /// <summary>Forgets what was captured.</summary>
    public void Clear()
    {
        Length = 0;
    }
}
