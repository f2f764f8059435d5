using System;
using System.Buffers.Binary;

namespace Bodycam.Sdk.Export;

/// <summary>
/// One idx1 entry (AVIOLDINDEX, Microsoft "AVI RIFF File Reference"): chunk id, flags, offset of the chunk header
/// from the 'movi' FOURCC, and the chunk's data size.
/// </summary>
internal readonly record struct AviIndexEntry(uint ChunkId, uint Flags, uint Offset, uint Length)
{
    /// <summary>Bytes per entry.</summary>
    public const int Size = 16;

    /// <summary>AVIIF_KEYFRAME: the chunk decodes on its own.</summary>
    public const uint KeyFrameFlag = 0x10;

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ChunkId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Offset);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], Length);
    }
}
