namespace Bodycam.Firmware.Dock;

/// <summary>The frame CRC in software (<see cref="Crc32"/>, slicing by eight).</summary>
public sealed class SoftwareFrameCrc : IFrameCrc
{
    /// <inheritdoc/>
    public uint Update(uint crc, byte[] data, int offset, int count)
    {
        return Crc32.Update(crc, data, offset, count);
    }
}
