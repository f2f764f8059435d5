using System;
using System.Collections.Generic;
using System.IO;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Builds the fixed-size head of the AVI file, from 'RIFF' up to and including the 'movi' FOURCC. Layout and field
/// meanings follow Microsoft's "AVI RIFF File Reference" (AVIMAINHEADER, AVISTREAMHEADER, BITMAPINFOHEADER,
/// WAVEFORMATEX) and the OpenDML AVI File Format Extensions 1.02 (super index 'indx', 'odml'/'dmlh');
/// docs/export.md lists every field this exporter sets.
/// </summary>
internal static class AviHeader
{
    /// <summary>'00dc': stream 0, compressed video.</summary>
    public static readonly uint VideoChunkId = FourCc("00dc");

    /// <summary>'01wb': stream 1, audio data.</summary>
    public static readonly uint AudioChunkId = FourCc("01wb");

    /// <summary>Super index entries reserved per stream: one per RIFF part, so at most this many parts.</summary>
    public const int SuperIndexCapacity = 256;

    private const uint HasIndexFlag = 0x10; // AVIF_HASINDEX
    private const uint IsInterleavedFlag = 0x100; // AVIF_ISINTERLEAVED

    public static uint FourCc(string code)
    {
        return (uint)(code[0] | (code[1] << 8) | (code[2] << 16) | (code[3] << 24));
    }

    public static byte[] Build(ExportStreamInfo streams, AviHeaderCounts counts)
    {
        using var buffer = new MemoryStream();
        var w = new BinaryWriter(buffer);

        w.Write(FourCc("RIFF"));
        w.Write(counts.RiffSize);
        w.Write(FourCc("AVI "));

        long hdrl = BeginList(w, "hdrl");

        // AVIMAINHEADER
        w.Write(FourCc("avih"));
        w.Write(56u);
        w.Write((uint)(1_000_000 / streams.FramesPerSecond)); // dwMicroSecPerFrame
        w.Write(counts.MaxBytesPerSecond); // dwMaxBytesPerSec
        w.Write(0u); // dwPaddingGranularity
        w.Write(HasIndexFlag | IsInterleavedFlag); // dwFlags
        w.Write(counts.FirstRiffVideoFrames); // dwTotalFrames: the first RIFF only (OpenDML)
        w.Write(0u); // dwInitialFrames
        w.Write(streams.HasAudio ? 2u : 1u); // dwStreams
        w.Write(Math.Max(counts.MaxVideoChunk, counts.MaxAudioChunk) + 8); // dwSuggestedBufferSize
        w.Write((uint)streams.Width);
        w.Write((uint)streams.Height);
        w.Write(new byte[16]); // dwReserved[4]

        long videoList = BeginList(w, "strl");
        WriteStreamHeader(
            w,
            type: "vids",
            handler: FourCc("MJPG"),
            scale: 1,
            rate: (uint)streams.FramesPerSecond,
            length: counts.VideoFrames,
            suggestedBuffer: counts.MaxVideoChunk,
            sampleSize: 0,
            width: streams.Width,
            height: streams.Height);

        // BITMAPINFOHEADER
        w.Write(FourCc("strf"));
        w.Write(40u);
        w.Write(40u); // biSize
        w.Write(streams.Width);
        w.Write(streams.Height);
        w.Write((ushort)1); // biPlanes
        w.Write((ushort)24); // biBitCount
        w.Write(FourCc("MJPG")); // biCompression
        w.Write((uint)(streams.Width * streams.Height * 3)); // biSizeImage
        w.Write(0); // biXPelsPerMeter
        w.Write(0); // biYPelsPerMeter
        w.Write(0u); // biClrUsed
        w.Write(0u); // biClrImportant
        WriteSuperIndex(w, VideoChunkId, counts.VideoIndexes);
        EndList(w, videoList);

        if (streams.HasAudio)
        {
            const int blockAlign = ExportStreamInfo.AudioChannels * ExportStreamInfo.AudioBitsPerSample / 8;
            long audioList = BeginList(w, "strl");
            WriteStreamHeader(
                w,
                type: "auds",
                handler: 0,
                scale: 1,
                rate: (uint)streams.AudioSampleRate,
                length: counts.AudioSamples,
                suggestedBuffer: counts.MaxAudioChunk,
                sampleSize: blockAlign,
                width: 0,
                height: 0);

            // WAVEFORMATEX for WAVE_FORMAT_PCM
            w.Write(FourCc("strf"));
            w.Write(18u);
            w.Write((ushort)1); // wFormatTag
            w.Write((ushort)ExportStreamInfo.AudioChannels);
            w.Write((uint)streams.AudioSampleRate); // nSamplesPerSec
            w.Write((uint)(streams.AudioSampleRate * blockAlign)); // nAvgBytesPerSec
            w.Write((ushort)blockAlign); // nBlockAlign
            w.Write((ushort)ExportStreamInfo.AudioBitsPerSample);
            w.Write((ushort)0); // cbSize
            WriteSuperIndex(w, AudioChunkId, counts.AudioIndexes);
            EndList(w, audioList);
        }

        // OpenDML extended header: the real frame count of the whole file.
        long odml = BeginList(w, "odml");
        w.Write(FourCc("dmlh"));
        w.Write(248u);
        w.Write(counts.VideoFrames); // dwTotalFrames
        w.Write(new byte[244]);
        EndList(w, odml);

        EndList(w, hdrl);

        w.Write(FourCc("LIST"));
        w.Write(counts.MoviSize);
        w.Write(FourCc("movi"));
        w.Flush();
        return buffer.ToArray();
    }

    private static void WriteSuperIndex(BinaryWriter w, uint chunkId, IReadOnlyList<AviSuperIndexEntry> entries)
    {
        // AVISUPERINDEX with room for SuperIndexCapacity entries; unused entries stay zero.
        w.Write(FourCc("indx"));
        w.Write((uint)(24 + (SuperIndexCapacity * 16)));
        w.Write((ushort)4); // wLongsPerEntry
        w.Write((byte)0); // bIndexSubType
        w.Write((byte)0); // bIndexType: AVI_INDEX_OF_INDEXES
        w.Write((uint)entries.Count); // nEntriesInUse
        w.Write(chunkId); // dwChunkId
        w.Write(new byte[12]); // dwReserved[3]
        for (int i = 0; i < SuperIndexCapacity; i++)
        {
            AviSuperIndexEntry entry = i < entries.Count ? entries[i] : default;
            w.Write((ulong)entry.Offset); // qwOffset: absolute position of the ix## chunk
            w.Write(entry.Size); // dwSize: the ix## chunk with its header
            w.Write(entry.Duration); // dwDuration: stream ticks (pictures or samples) it covers
        }
    }

    private static void WriteStreamHeader(
        BinaryWriter w,
        string type,
        uint handler,
        uint scale,
        uint rate,
        uint length,
        uint suggestedBuffer,
        int sampleSize,
        int width,
        int height)
    {
        // AVISTREAMHEADER
        w.Write(FourCc("strh"));
        w.Write(56u);
        w.Write(FourCc(type)); // fccType
        w.Write(handler); // fccHandler
        w.Write(0u); // dwFlags
        w.Write((ushort)0); // wPriority
        w.Write((ushort)0); // wLanguage
        w.Write(0u); // dwInitialFrames
        w.Write(scale); // dwScale
        w.Write(rate); // dwRate: rate / scale = frames or samples per second
        w.Write(0u); // dwStart
        w.Write(length); // dwLength, in units of rate / scale
        w.Write(suggestedBuffer); // dwSuggestedBufferSize
        w.Write(uint.MaxValue); // dwQuality: -1 = default
        w.Write((uint)sampleSize); // dwSampleSize: 0 = one frame a chunk
        w.Write((short)0); // rcFrame.left
        w.Write((short)0); // rcFrame.top
        w.Write((short)width); // rcFrame.right
        w.Write((short)height); // rcFrame.bottom
    }

    private static long BeginList(BinaryWriter w, string type)
    {
        w.Write(FourCc("LIST"));
        long sizePosition = w.BaseStream.Position;
        w.Write(0u);
        w.Write(FourCc(type));
        return sizePosition;
    }

    private static void EndList(BinaryWriter w, long sizePosition)
    {
        long end = w.BaseStream.Position;
        w.BaseStream.Position = sizePosition;
        w.Write((uint)(end - sizePosition - 4));
        w.BaseStream.Position = end;
    }
}
