namespace Bodycam.Firmware.Recording;

/// <summary>
/// Big-endian integer encoding for the recording format (docs/recording-format.md, section "Conventions").
/// nanoFramework's mscorlib has no BinaryPrimitives, so the shifts are written out.
/// </summary>
internal static class BigEndian
{
    public static void WriteUInt16(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 8);
        buffer[offset + 1] = (byte)value;
    }

    public static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    public static void WriteInt64(byte[] buffer, int offset, long value)
    {
        WriteUInt32(buffer, offset, (uint)(value >> 32));
        WriteUInt32(buffer, offset + 4, (uint)value);
    }

    public static int ReadUInt16(byte[] buffer, int offset)
    {
        return (buffer[offset] << 8) | buffer[offset + 1];
    }

    public static uint ReadUInt32(byte[] buffer, int offset)
    {
        return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8)
            | buffer[offset + 3];
    }

    public static long ReadInt64(byte[] buffer, int offset)
    {
        return ((long)ReadUInt32(buffer, offset) << 32) | ReadUInt32(buffer, offset + 4);
    }
}
