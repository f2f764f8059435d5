namespace Bodycam.Firmware.Hal;

/// <summary>The board's hardware random number generator (a cryptographically secure source).</summary>
public interface IRandom
{
    /// <summary>Fills part of a buffer with random bytes.</summary>
    /// <param name="buffer">The buffer to fill.</param>
    /// <param name="offset">The first byte to fill.</param>
    /// <param name="count">The number of bytes to fill.</param>
    void Fill(byte[] buffer, int offset, int count);
}
