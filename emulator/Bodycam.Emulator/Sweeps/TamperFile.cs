using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Sweeps;

/// <summary>One recording file of the tamper corpus, with its keys and where its parts lie.</summary>
internal sealed class TamperFile
{
    private const int FixedPrefix = 61;
    private const int FixedSuffix = 87;
    private const int StanzaSize = 113;

    public TamperFile(string name, byte[] bytes, byte[] devicePublicKey, byte[] recipientPrivateKey, string group)
    {
        Name = name;
        Bytes = bytes;
        DevicePublicKey = devicePublicKey;
        RecipientPrivateKey = recipientPrivateKey;
        Group = group;
        HeaderLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8));
        DeviceIdLength = bytes[60];
        int p = FixedPrefix + DeviceIdLength;
        StanzaCount = bytes[p + 86];
        int pos = HeaderLength;
        while (pos < bytes.Length)
        {
            int length = 5 + (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(pos + 1));
            Records.Add(new TamperRecord(bytes[pos], pos, length));
            pos += length;
        }

        if (pos != bytes.Length)
        {
            throw new InvalidOperationException("The corpus file " + name + " does not parse into whole records.");
        }

        Baseline = new RecordingReader(bytes).Decrypt(devicePublicKey, recipientPrivateKey).Status;
    }

    /// <summary>Gets the corpus name of the file.</summary>
    public string Name { get; }

    /// <summary>Gets the recording this file belongs to (continuation files share it).</summary>
    public string Group { get; }

    public byte[] Bytes { get; }

    public byte[] DevicePublicKey { get; }

    public byte[] RecipientPrivateKey { get; }

    public int HeaderLength { get; }

    public int DeviceIdLength { get; }

    public int StanzaCount { get; }

    public List<TamperRecord> Records { get; } = new();

    /// <summary>Gets what the untouched file reads as (complete or closed by recovery).</summary>
    public RecordingStatus Baseline { get; }

    /// <summary>The byte ranges of each region: (region, start, length).</summary>
    public IEnumerable<(TamperRegion Region, int Start, int Length)> Regions()
    {
        int p = FixedPrefix + DeviceIdLength;
        yield return (TamperRegion.MagicVersion, 0, 8);
        yield return (TamperRegion.HeaderFields, 8, p + 17 - 8);
        yield return (TamperRegion.ContinuationLink, p + 17, 34);
        yield return (TamperRegion.HeaderFields, p + 51, 36);
        for (int i = 0; i < StanzaCount; i++)
        {
            yield return (TamperRegion.RecipientStanza, p + FixedSuffix + (i * StanzaSize), StanzaSize);
        }

        foreach (TamperRecord r in Records)
        {
            switch (r.Type)
            {
                case 1:
                    yield return (TamperRegion.SegmentHeader, r.Offset, 10);
                    if (r.Length > 26)
                    {
                        yield return (TamperRegion.SegmentCiphertext, r.Offset + 10, r.Length - 26);
                    }

                    yield return (TamperRegion.SegmentTag, r.Offset + r.Length - 16, 16);
                    break;
                case 2:
                    yield return (TamperRegion.Checkpoint, r.Offset, r.Length);
                    break;
                case 3:
                    yield return (TamperRegion.Close, r.Offset, r.Length);
                    break;
                default:
                    yield return (TamperRegion.Recovery, r.Offset, r.Length);
                    break;
            }
        }
    }

    /// <summary>The record holding a byte (-1: the header).</summary>
    public int RecordAt(int position)
    {
        if (position < HeaderLength)
        {
            return -1;
        }

        int lo = 0;
        int hi = Records.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Records[mid].Offset <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The first signed record (checkpoint, close, recovery) at or after a record.</summary>
    public int NextSignedRecord(int record)
    {
        for (int i = Math.Max(record, 0); i < Records.Count; i++)
        {
            if (Records[i].Type != 1)
            {
                return i;
            }
        }

        return Records.Count - 1;
    }

    public byte[] Slice(int record) => Bytes.AsSpan(Records[record].Offset, Records[record].Length).ToArray();

    public byte[] Header() => Bytes.AsSpan(0, HeaderLength).ToArray();
}
