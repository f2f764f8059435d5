namespace Bodycam.Emulator.Dock;

/// <summary>The far end of one dock connection (a TCP client or the pseudo-terminal's master side).</summary>
public interface IDockPeer
{
    /// <summary>Sends bytes to the host.</summary>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    void Send(byte[] buffer, int offset, int count);
}
