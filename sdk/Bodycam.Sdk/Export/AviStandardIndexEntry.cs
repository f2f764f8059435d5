using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Bodycam.Sdk.Export;

/// <summary>
/// One entry of an OpenDML standard index ('ix##', AVISTDINDEX, AVI_INDEX_OF_CHUNKS, OpenDML AVI File Format
/// Extensions 1.02): offset of the chunk's data from the index's base offset, and the data size (bit 31 clear: a key
/// frame; every JPEG picture and audio block is one).
/// </summary>
internal readonly record struct AviStandardIndexEntry(uint Offset, uint Size)
{
    private const int HeaderSize = 8 + 24;

    /// <summary>Bytes of an ix## chunk (with its RIFF header) for <paramref name="count"/> entries; 0 for none.</summary>
    public static long ChunkSize(int count)
    {
        return count == 0 ? 0 : HeaderSize + (8L * count);
    }

    public static byte[] BuildChunk(uint indexId, uint chunkId, long baseOffset, List<AviStandardIndexEntry> entries)
    {
        byte[] chunk = new byte[ChunkSize(entries.Count)];
        Span<byte> s = chunk;
        BinaryPrimitives.WriteUInt32LittleEndian(s, indexId);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], (uint)(chunk.Length - 8));
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 2); // wLongsPerEntry
        s[10] = 0; // bIndexSubType
        s[11] = 1; // bIndexType: AVI_INDEX_OF_CHUNKS
        BinaryPrimitives.WriteUInt32LittleEndian(s[12..], (uint)entries.Count); // nEntriesInUse
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], chunkId); // dwChunkId
        BinaryPrimitives.WriteUInt64LittleEndian(s[20..], (ulong)baseOffset); // qwBaseOffset
        BinaryPrimitives.WriteUInt32LittleEndian(s[28..], 0); // dwReserved3
        for (int i = 0; i < entries.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(HeaderSize + (8 * i))..], entries[i].Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(s[(HeaderSize + (8 * i) + 4)..], entries[i].Size);
        }

        return chunk;
    }
}
