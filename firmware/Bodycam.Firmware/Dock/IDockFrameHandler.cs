namespace Bodycam.Firmware.Dock;

/// <summary>Receives what <see cref="DockFrameParser"/> finds in the byte stream.</summary>
public interface IDockFrameHandler
{
    /// <summary>A complete frame with a good CRC. The payload is valid only during the call.</summary>
    /// <param name="type">The type byte.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="buffer">The buffer holding the payload.</param>
    /// <param name="payloadOffset">First payload byte.</param>
    /// <param name="payloadLength">Payload length.</param>
    void OnFrame(int type, int requestId, byte[] buffer, int payloadOffset, int payloadLength);

    /// <summary>A header whose frame cannot be taken: oversize or an unknown frame version. The parser resyncs.</summary>
    /// <param name="type">The type byte as received.</param>
    /// <param name="requestId">The request id as received (not CRC-checked).</param>
    /// <param name="error"><see cref="DockError.FrameTooLarge"/> or <see cref="DockError.UnsupportedVersion"/>.</param>
    void OnRejectedHeader(int type, int requestId, DockError error);
}
