namespace Bodycam.Firmware.Dock;

/// <summary>
/// Computes the CRC-32 (IEEE) of outgoing frames. <see cref="SoftwareFrameCrc"/> is the table-driven default; a board
/// with a CRC unit (the STM32 CRC peripheral with input and output bit reversal, the ESP32 ROM's crc32_le) supplies
/// its own so the read path does not spend the CPU on it. Every implementation must give <see cref="Crc32"/>'s values.
/// </summary>
public interface IFrameCrc
{
    /// <summary>Continues a CRC-32 over more bytes.</summary>
    /// <param name="crc">The CRC-32 of the bytes so far (0 for none).</param>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <returns>The CRC-32 of the bytes so far followed by these.</returns>
    uint Update(uint crc, byte[] data, int offset, int count);
}
