namespace Bodycam.Firmware.Dock;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), the frame check of
/// the dock protocol (docs/dock-protocol.md, "Framing"). Table-driven, slicing by eight bytes: a CRC is an integrity
/// check against line noise, not cryptography. Check value: "123456789" gives 0xCBF43926.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320;

    // Eight 256-entry tables in one flat array (table k at k * 256): no multidimensional arrays on nanoFramework.
    private static readonly uint[] s_table = BuildTable();

    /// <summary>Computes the CRC-32 of a byte range.</summary>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <returns>The CRC-32.</returns>
    public static uint Compute(byte[] data, int offset, int count)
    {
        return Update(0, data, offset, count);
    }

    /// <summary>Continues a CRC-32 over more bytes (as zlib's crc32(crc, buf, len)).</summary>
    /// <param name="crc">The CRC-32 of the bytes so far (0 for none).</param>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <returns>The CRC-32 of the bytes so far followed by these.</returns>
    public static uint Update(uint crc, byte[] data, int offset, int count)
    {
        uint[] t = s_table;
        uint c = ~crc;
        int i = offset;
        int end = offset + count;
        while (end - i >= 8)
        {
            uint one = c ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            uint two = (uint)(data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24));
            c = t[1792 + (one & 0xFF)]
                ^ t[1536 + ((one >> 8) & 0xFF)]
                ^ t[1280 + ((one >> 16) & 0xFF)]
                ^ t[1024 + (one >> 24)]
                ^ t[768 + (two & 0xFF)]
                ^ t[512 + ((two >> 8) & 0xFF)]
                ^ t[256 + ((two >> 16) & 0xFF)]
                ^ t[two >> 24];
            i += 8;
        }

        while (i < end)
        {
            c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            i++;
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        uint[] t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        for (int n = 0; n < 256; n++)
        {
            for (int k = 1; k < 8; k++)
            {
                uint previous = t[((k - 1) * 256) + n];
                t[(k * 256) + n] = (previous >> 8) ^ t[previous & 0xFF];
            }
        }

        return t;
    }
}
