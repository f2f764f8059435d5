namespace Bodycam.Firmware.Dock;

/// <summary>Little-endian integers in byte arrays (every integer of the dock protocol and the audit trail).</summary>
public static class LittleEndian
{
    /// <summary>Writes a 16-bit value.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="value">The value.</param>
    public static void WriteUInt16(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)value;
        buffer[offset + 1] = (byte)(value >> 8);
    }

    /// <summary>Writes a 32-bit value.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="value">The value.</param>
    public static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)value;
        buffer[offset + 1] = (byte)(value >> 8);
        buffer[offset + 2] = (byte)(value >> 16);
        buffer[offset + 3] = (byte)(value >> 24);
    }

    /// <summary>Writes a 64-bit value.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64(byte[] buffer, int offset, long value)
    {
        WriteUInt32(buffer, offset, (uint)value);
        WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
    }

    /// <summary>Reads a 16-bit value.</summary>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <returns>The value.</returns>
    public static int ReadUInt16(byte[] buffer, int offset)
    {
        return buffer[offset] | (buffer[offset + 1] << 8);
    }

    /// <summary>Reads a 32-bit value.</summary>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <returns>The value.</returns>
    public static uint ReadUInt32(byte[] buffer, int offset)
    {
        return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
    }

    /// <summary>Reads a 64-bit value.</summary>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(byte[] buffer, int offset)
    {
        return (long)ReadUInt32(buffer, offset) | ((long)ReadUInt32(buffer, offset + 4) << 32);
    }
}
