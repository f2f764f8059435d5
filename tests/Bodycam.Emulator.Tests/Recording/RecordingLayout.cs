using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Bodycam.Emulator.Tests.Recording;

/// <summary>Where the header and records of a recording file lie (for tampering tests).</summary>
internal sealed class RecordingLayout
{
    public RecordingLayout(byte[] file)
    {
        HeaderLength = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        int pos = HeaderLength;
        while (pos < file.Length)
        {
            int length = 5 + (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 1));
            Records.Add((file[pos], pos, length));
            pos += length;
        }
    }

    public int HeaderLength { get; }

    public List<(byte Type, int Offset, int Length)> Records { get; } = new();

    public int IndexOfSegment(int segment)
    {
        int seen = 0;
        for (int i = 0; i < Records.Count; i++)
        {
            if (Records[i].Type == 1 && seen++ == segment)
            {
                return i;
            }
        }

        return -1;
    }

    public byte[] Slice(byte[] file, int record) => file.AsSpan(Records[record].Offset, Records[record].Length).ToArray();
}
