using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Bodycam.Sdk.Tests.Export;

/// <summary>
/// An independent parse of an AVI file for the tests: walks the RIFF tree, checks every chunk size against its parent,
/// and exposes the header fields, the movi chunks and the idx1 entries.
/// </summary>
internal sealed class AviFile
{
    private AviFile()
    {
    }

    public uint RiffSize { get; private set; }

    public uint MicroSecondsPerFrame { get; private set; }

    public uint MainFlags { get; private set; }

    public uint TotalFrames { get; private set; }

    public uint StreamCount { get; private set; }

    public uint Width { get; private set; }

    public uint Height { get; private set; }

    public List<StreamHeader> Streams { get; } = new();

    public List<Chunk> MoviChunks { get; } = new();

    public List<IndexEntry> Index { get; } = new();

    public int MoviFourCcOffset { get; private set; }

    /// <summary>RIFF parts: 1 for a plain AVI, more with OpenDML 'AVIX' parts.</summary>
    public int Parts { get; private set; }

    /// <summary>dmlh.dwTotalFrames, or 0 without an odml list.</summary>
    public uint OdmlTotalFrames { get; private set; }

    /// <summary>Every 'ix##' standard index chunk, with the absolute offset of its header.</summary>
    public List<StandardIndex> StandardIndexes { get; } = new();

    public static AviFile Parse(byte[] file)
    {
        var avi = new AviFile();
        int riff = 0;
        while (riff < file.Length)
        {
            string form = avi.Parts == 0 ? "AVI " : "AVIX";
            if (Id(file, riff) != "RIFF" || Id(file, riff + 8) != form)
            {
                throw new FormatException("Expected RIFF '" + form + "' at " + riff + ".");
            }

            uint riffSize = U32(file, riff + 4);
            if (avi.Parts == 0)
            {
                avi.RiffSize = riffSize;
            }

            int riffEnd = checked(riff + 8 + (int)riffSize);
            if (riffEnd > file.Length)
            {
                throw new FormatException("RIFF part at " + riff + " runs past the end of the file.");
            }

            avi.ParsePart(file, riff, riff + 12, riffEnd);
            avi.Parts++;
            riff = riffEnd;
        }

        return avi;
    }

    private void ParsePart(byte[] file, int riffStart, int position, int end)
    {
        while (position < end)
        {
            string id = Id(file, position);
            int size = checked((int)U32(file, position + 4));
            int next = position + 8 + size + (size & 1);
            if (next > end)
            {
                throw new FormatException("Chunk " + id + " runs past its RIFF part.");
            }

            if (id == "LIST" && Id(file, position + 8) == "hdrl")
            {
                ParseHeaderList(file, position + 12, position + 8 + size);
            }
            else if (id == "LIST" && Id(file, position + 8) == "movi")
            {
                if (MoviFourCcOffset == 0)
                {
                    MoviFourCcOffset = position + 8;
                }

                ParseMovi(file, position + 12, position + 8 + size);
            }
            else if (id == "idx1")
            {
                if (riffStart != 0)
                {
                    throw new FormatException("idx1 outside the first RIFF part.");
                }

                for (int p = position + 8; p < position + 8 + size; p += 16)
                {
                    Index.Add(new IndexEntry(Id(file, p), U32(file, p + 4), U32(file, p + 8), U32(file, p + 12)));
                }
            }

            position = next;
        }
    }

    private void ParseHeaderList(byte[] file, int position, int end)
    {
        while (position < end)
        {
            string id = Id(file, position);
            int size = (int)U32(file, position + 4);
            int data = position + 8;
            if (data + size > end)
            {
                throw new FormatException("Chunk " + id + " runs past its list.");
            }

            if (id == "avih")
            {
                MicroSecondsPerFrame = U32(file, data);
                MainFlags = U32(file, data + 12);
                TotalFrames = U32(file, data + 16);
                StreamCount = U32(file, data + 24);
                Width = U32(file, data + 32);
                Height = U32(file, data + 36);
            }
            else if (id == "LIST" && Id(file, data) == "strl")
            {
                ParseStreamList(file, data + 4, data + size);
            }
            else if (id == "LIST" && Id(file, data) == "odml" && Id(file, data + 4) == "dmlh")
            {
                OdmlTotalFrames = U32(file, data + 12);
            }

            position = data + size + (size & 1);
        }

        if (position != end)
        {
            throw new FormatException("hdrl children do not add up to its size.");
        }
    }

    private void ParseStreamList(byte[] file, int position, int end)
    {
        var stream = new StreamHeader();
        while (position < end)
        {
            string id = Id(file, position);
            int size = (int)U32(file, position + 4);
            int data = position + 8;
            if (id == "strh")
            {
                stream.Type = Id(file, data);
                stream.Handler = Id(file, data + 4);
                stream.Scale = U32(file, data + 20);
                stream.Rate = U32(file, data + 24);
                stream.Length = U32(file, data + 32);
                stream.SuggestedBufferSize = U32(file, data + 36);
                stream.SampleSize = U32(file, data + 44);
            }
            else if (id == "strf")
            {
                stream.Format = file.AsSpan(data, size).ToArray();
            }
            else if (id == "indx")
            {
                if (BitConverter.ToUInt16(file, data) != 4 || file[data + 3] != 0)
                {
                    throw new FormatException("indx is not a super index.");
                }

                stream.SuperIndexChunkId = Id(file, data + 8);
                uint inUse = U32(file, data + 4);
                for (int i = 0; i < inUse; i++)
                {
                    int e = data + 24 + (i * 16);
                    stream.SuperIndex.Add(new SuperIndexEntry(BitConverter.ToInt64(file, e), U32(file, e + 8), U32(file, e + 12)));
                }
            }

            position = data + size + (size & 1);
        }

        if (position != end)
        {
            throw new FormatException("strl children do not add up to its size.");
        }

        Streams.Add(stream);
    }

    private void ParseMovi(byte[] file, int position, int end)
    {
        while (position < end)
        {
            string id = Id(file, position);
            int size = (int)U32(file, position + 4);
            if (position + 8 + size > end)
            {
                throw new FormatException("movi chunk runs past the list.");
            }

            if (id.StartsWith("ix", StringComparison.Ordinal))
            {
                var index = new StandardIndex(id, position, Id(file, position + 16), BitConverter.ToInt64(file, position + 20), new List<SuperIndexEntry>());
                if (file[position + 11] != 1 || U32(file, position + 12) * 8 + 24 != size)
                {
                    throw new FormatException("ix chunk is not a standard index of the right size.");
                }

                for (int p = position + 32; p < position + 8 + size; p += 8)
                {
                    index.Entries.Add(new SuperIndexEntry(U32(file, p), U32(file, p + 4), 0));
                }

                StandardIndexes.Add(index);
            }
            else
            {
                MoviChunks.Add(new Chunk(id, position, file.AsSpan(position + 8, size).ToArray()));
            }

            position += 8 + size + (size & 1);
        }

        if (position != end)
        {
            throw new FormatException("movi children do not add up to its size.");
        }
    }

    private static string Id(byte[] file, int offset) => Encoding.ASCII.GetString(file, offset, 4);

    private static uint U32(byte[] file, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));

    public sealed class StreamHeader
    {
        public string Type { get; set; } = "";

        public string Handler { get; set; } = "";

        public uint Scale { get; set; }

        public uint Rate { get; set; }

        public uint Length { get; set; }

        public uint SuggestedBufferSize { get; set; }

        public uint SampleSize { get; set; }

        public byte[] Format { get; set; } = Array.Empty<byte>();

        public string SuperIndexChunkId { get; set; } = "";

        public List<SuperIndexEntry> SuperIndex { get; } = new();
    }

    /// <summary>A super index entry (offset, size, duration) or a standard index entry (offset, size, 0).</summary>
    public sealed record SuperIndexEntry(long Offset, uint Size, uint Duration);

    public sealed record StandardIndex(string Id, int Offset, string ChunkId, long BaseOffset, List<SuperIndexEntry> Entries);

    public sealed record Chunk(string Id, int Offset, byte[] Data);

    public sealed record IndexEntry(string Id, uint Flags, uint Offset, uint Length);
}
