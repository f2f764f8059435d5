namespace Bodycam.Firmware.Hal;

/// <summary>
/// The byte channel to a docking station (USB CDC serial on the device; TCP or a pseudo-terminal in the emulator).
/// Received bytes are delivered to the dock service by the board loop; this interface only sends.
/// </summary>
public interface IByteChannel
{
    /// <summary>Sends bytes to the host.</summary>
    /// <param name="buffer">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    void Write(byte[] buffer, int offset, int count);
}
