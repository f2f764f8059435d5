using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Bodycam.Sdk.Tests.Recording.Testkit;

/// <summary>
/// Where a recording file's header ends and each record starts, read from the lengths the format gives
/// (docs/recording-format.md §3: header length at offset 8; §4: each record is type (1), body length (4, big-endian),
/// body). Independent of the reader under test, so the vectors' expectations do not come from it.
/// </summary>
internal sealed class RecordingLayout
{
    private RecordingLayout(int headerLength, List<LayoutRecord> records)
    {
        HeaderLength = headerLength;
        Records = records;
    }

    public int HeaderLength { get; }

    public IReadOnlyList<LayoutRecord> Records { get; }

    /// <summary>The stanzas' start: a file's stanzas are the header's last 113-byte blocks (§3.1).</summary>
    public int StanzaOffset(int recipients, int index) => HeaderLength - ((recipients - index) * 113);

    public static RecordingLayout Of(byte[] file)
    {
        int headerLength = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        var records = new List<LayoutRecord>();
        int pos = headerLength;
        while (pos < file.Length)
        {
            byte type = file[pos];
            int body = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 1));
            int segmentIndex = type == 1 ? (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 5)) : -1;
            records.Add(new LayoutRecord(records.Count, type, pos, 5 + body, segmentIndex));
            pos += 5 + body;
        }

        if (pos != file.Length)
        {
            throw new InvalidOperationException("The base vector does not end at a record boundary.");
        }

        return new RecordingLayout(headerLength, records);
    }
}
