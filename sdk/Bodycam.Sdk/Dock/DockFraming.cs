using System;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Bodycam.Sdk.Dock;

/// <summary>The dock protocol's framing constants and frame encoder (docs/dock-protocol.md, "Framing").</summary>
public static class DockFraming
{
    /// <summary>The magic at the start of every frame: "BCDK".</summary>
    public static ReadOnlySpan<byte> Magic => "BCDK"u8;

    /// <summary>The frame format version.</summary>
    public const byte FrameVersion = 1;

    /// <summary>Header length: magic, version, type, request id, payload length.</summary>
    public const int HeaderSize = 12;

    /// <summary>Trailer length (CRC-32).</summary>
    public const int TrailerSize = 4;

    /// <summary>The largest payload the protocol allows.</summary>
    public const int AbsoluteMaxPayload = 1048576;

    /// <summary>The response flag in a type byte.</summary>
    public const byte ResponseFlag = 0x80;

    /// <summary>The protocol version this client speaks (2: mutual authentication, Info split from Status).</summary>
    public const byte ProtocolVersion = 2;

    /// <summary>Gets the encoded length of a frame with a payload of the given length.</summary>
    /// <param name="payloadLength">Payload length.</param>
    /// <returns>Frame length.</returns>
    public static int FrameLength(int payloadLength) => HeaderSize + payloadLength + TrailerSize;

    /// <summary>Encodes a frame.</summary>
    /// <param name="type">Type byte.</param>
    /// <param name="requestId">Request id.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="destination">At least <see cref="FrameLength"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    public static int Encode(byte type, ushort requestId, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (payload.Length > AbsoluteMaxPayload)
        {
            throw new ArgumentException("The payload exceeds the protocol's maximum.", nameof(payload));
        }

        Magic.CopyTo(destination);
        destination[4] = FrameVersion;
        destination[5] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], requestId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)payload.Length);
        payload.CopyTo(destination[HeaderSize..]);
        int end = HeaderSize + payload.Length;
        uint crc = Crc32.HashToUInt32(destination[4..end]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[end..], crc);
        return end + TrailerSize;
    }

    /// <summary>Encodes a frame into a new array.</summary>
    /// <param name="type">Type byte.</param>
    /// <param name="requestId">Request id.</param>
    /// <param name="payload">Payload.</param>
    /// <returns>The frame bytes.</returns>
    public static byte[] Encode(byte type, ushort requestId, ReadOnlySpan<byte> payload)
    {
        byte[] frame = new byte[FrameLength(payload.Length)];
        Encode(type, requestId, payload, frame);
        return frame;
    }
}
