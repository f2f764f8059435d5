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

    public static AviFile Parse(byte[] file)
    {
        var avi = new AviFile();
        if (Id(file, 0) != "RIFF" || Id(file, 8) != "AVI ")
        {
            throw new FormatException("Not a RIFF AVI file.");
        }

        avi.RiffSize = U32(file, 4);
        if (avi.RiffSize + 8 != file.Length)
        {
            throw new FormatException("RIFF size " + avi.RiffSize + " does not match the file length " + file.Length + ".");
        }

        int position = 12;
        while (position < file.Length)
        {
            string id = Id(file, position);
            int size = checked((int)U32(file, position + 4));
            int next = position + 8 + size + (size & 1);
            if (next > file.Length)
            {
                throw new FormatException("Chunk " + id + " runs past the end of the file.");
            }

            if (id == "LIST" && Id(file, position + 8) == "hdrl")
            {
                avi.ParseHeaderList(file, position + 12, position + 8 + size);
            }
            else if (id == "LIST" && Id(file, position + 8) == "movi")
            {
                avi.MoviFourCcOffset = position + 8;
                avi.ParseMovi(file, position + 12, position + 8 + size);
            }
            else if (id == "idx1")
            {
                for (int p = position + 8; p < position + 8 + size; p += 16)
                {
                    avi.Index.Add(new IndexEntry(Id(file, p), U32(file, p + 4), U32(file, p + 8), U32(file, p + 12)));
                }
            }

            position = next;
        }

        return avi;
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

            MoviChunks.Add(new Chunk(id, position, file.AsSpan(position + 8, size).ToArray()));
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
    }

    public sealed record Chunk(string Id, int Offset, byte[] Data);

    public sealed record IndexEntry(string Id, uint Flags, uint Offset, uint Length);
}
