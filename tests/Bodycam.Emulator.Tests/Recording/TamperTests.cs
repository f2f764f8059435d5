using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Recording;

public class TamperTests
{
    private static (RecordingRig Rig, byte[] File, RecordingLayout Layout) Make(long seed = 7)
    {
        var rig = new RecordingRig(seed);
        string id = rig.Record(3000);
        byte[] file = rig.FirstFile(id);
        return (rig, file, new RecordingLayout(file));
    }

    private static RecordingResult Verify(RecordingRig rig, byte[] file) => new RecordingReader(file).Verify(rig.DevicePublicKey);

    private static RecordingResult Decrypt(RecordingRig rig, byte[] file) => new RecordingReader(file).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);

    [Fact]
    public void ByteFlip_SampledPositionsInEveryRegion_NeverComplete()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        var positions = new SortedSet<int>();
        for (int p = 0; p < file.Length; p += 5)
        {
            positions.Add(p);
        }

        // Every region's first and last byte: header fields, stanza, each record's type, length, body and end.
        positions.UnionWith(new[] { 0, 6, 7, 8, 11, 12, 28, 60, 61, layout.HeaderLength - 1 });
        foreach ((byte _, int offset, int length) in layout.Records)
        {
            positions.UnionWith(new[] { offset, offset + 1, offset + 4, offset + 5, offset + 9, offset + 10, offset + length - 1 });
        }

        foreach (int p in positions)
        {
            byte[] copy = (byte[])file.Clone();
            copy[p] ^= 0x01;
            AssertDetected(() => Verify(rig, copy), p, allowWrongKey: false);
            AssertDetected(() => Decrypt(rig, copy), p, allowWrongKey: true);
        }
    }

    [Fact]
    public void ByteFlip_InSegmentCiphertext_DecryptFailsAtThatSegmentAndVerifyAtNextSignedRecord()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int record = layout.IndexOfSegment(1);
        byte[] copy = (byte[])file.Clone();
        copy[layout.Records[record].Offset + 20] ^= 0x80;

        RecordingResult decrypted = Decrypt(rig, copy);
        RecordingResult verified = Verify(rig, copy);

        Assert.Equal(RecordingStatus.Tampered, decrypted.Status);
        Assert.Equal(RecordingFormatError.AuthenticationFailed, decrypted.Error);
        Assert.Equal(record, decrypted.FailedRecordIndex);
        Assert.Equal(layout.Records[record].Offset, decrypted.FailedOffset);
        Assert.Equal(RecordingStatus.Tampered, verified.Status);
        Assert.Equal(RecordingFormatError.ChainMismatch, verified.Error);
        Assert.Equal(record + 1, verified.FailedRecordIndex);
        Assert.Throws<RecordingFormatException>(() => decrypted.EnsureComplete());
    }

    [Fact]
    public void ByteFlip_InCheckpointSignature_IsSignatureInvalid()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int record = layout.Records.FindIndex(r => r.Type == 2);
        byte[] copy = (byte[])file.Clone();
        copy[layout.Records[record].Offset + layout.Records[record].Length - 10] ^= 0x04;

        RecordingResult result = Verify(rig, copy);

        Assert.Equal(RecordingFormatError.SignatureInvalid, result.Error);
        Assert.Equal(record, result.FailedRecordIndex);
    }

    [Fact]
    public void Truncate_AtEveryRecordBoundary_IsTruncatedWithTheFramesBefore()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int segmentsBefore = 0;
        for (int i = 0; i < layout.Records.Count; i++)
        {
            byte[] cut = file.AsSpan(0, layout.Records[i].Offset).ToArray();

            RecordingResult verified = Verify(rig, cut);
            RecordingResult decrypted = Decrypt(rig, cut);

            Assert.Equal(RecordingStatus.Truncated, verified.Status);
            Assert.Equal(RecordingStatus.Truncated, decrypted.Status);
            Assert.Equal(segmentsBefore, decrypted.SegmentCount);
            Assert.Throws<RecordingFormatException>(() => decrypted.EnsureComplete());
            if (layout.Records[i].Type == 1)
            {
                segmentsBefore++;
            }
        }
    }

    [Fact]
    public void Truncate_InsideEveryRecordAndTheHeader_IsDetected()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        foreach ((byte _, int offset, int length) in layout.Records)
        {
            foreach (int keep in new[] { 1, 4, 5, length / 2, length - 1 })
            {
                byte[] cut = file.AsSpan(0, offset + keep).ToArray();
                Assert.Equal(RecordingStatus.Truncated, Decrypt(rig, cut).Status);
                Assert.Equal(RecordingStatus.Truncated, Verify(rig, cut).Status);
            }
        }

        foreach (int keep in new[] { 0, 5, 11, 12, 100, layout.HeaderLength - 1 })
        {
            var ex = Assert.Throws<RecordingFormatException>(() => Verify(rig, file.AsSpan(0, keep).ToArray()));
            Assert.Equal(RecordingFormatError.TruncatedHeader, ex.Error);
        }
    }

    [Fact]
    public void Reorder_TwoSegments_IsSegmentOutOfOrder()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int s0 = layout.IndexOfSegment(0);
        int s1 = layout.IndexOfSegment(1);
        byte[] copy = Rebuild(file, layout, order => (order[s0], order[s1]) = (order[s1], order[s0]));

        AssertTampered(Verify(rig, copy), RecordingFormatError.SegmentOutOfOrder, s0);
        AssertTampered(Decrypt(rig, copy), RecordingFormatError.SegmentOutOfOrder, s0);
    }

    [Fact]
    public void Duplicate_ASegment_IsSegmentOutOfOrder()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int s0 = layout.IndexOfSegment(0);
        byte[] copy = Rebuild(file, layout, order => order.Insert(s0 + 1, order[s0]));

        AssertTampered(Decrypt(rig, copy), RecordingFormatError.SegmentOutOfOrder, s0 + 1);
    }

    [Fact]
    public void Remove_ASegment_IsSegmentOutOfOrder()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        int s2 = layout.IndexOfSegment(2);
        byte[] copy = Rebuild(file, layout, order => order.RemoveAt(s2));

        AssertTampered(Verify(rig, copy), RecordingFormatError.SegmentOutOfOrder, s2);
    }

    [Fact]
    public void Splice_SegmentFromAnotherRecordingOfTheSameDevice_IsDetected()
    {
        using var rig = new RecordingRig();
        byte[] a = rig.FirstFile(rig.Record(3000));
        byte[] b = rig.FirstFile(rig.Record(3000, start: 50_000));
        var la = new RecordingLayout(a);
        var lb = new RecordingLayout(b);
        int record = la.IndexOfSegment(1);
        byte[] spliced = Rebuild(a, la, order => order[record] = lb.Slice(b, lb.IndexOfSegment(1)));

        AssertTampered(Decrypt(rig, spliced), RecordingFormatError.AuthenticationFailed, record);
        AssertTampered(Verify(rig, spliced), RecordingFormatError.ChainMismatch, record + 1);
    }

    [Fact]
    public void ReplaceHeader_WithAnotherRecordingsHeaderOfTheSameDevice_IsDetected()
    {
        using var rig = new RecordingRig();
        byte[] a = rig.FirstFile(rig.Record(3000));
        byte[] b = rig.FirstFile(rig.Record(3000, start: 50_000));
        var la = new RecordingLayout(a);
        var lb = new RecordingLayout(b);
        byte[] mixed = b.AsSpan(0, lb.HeaderLength).ToArray().Concat(a.AsSpan(la.HeaderLength).ToArray()).ToArray();

        // Version 2: the open record, first after the header, carries the header hash it was written under.
        AssertTampered(Decrypt(rig, mixed), RecordingFormatError.ChainMismatch, 0);
        AssertTampered(Verify(rig, mixed), RecordingFormatError.ChainMismatch, 0);
    }

    [Fact]
    public void AppendBytes_AfterClose_IsTrailingData()
    {
        (RecordingRig rig, byte[] file, RecordingLayout layout) = Make();
        using RecordingRig _ = rig;
        byte[] longer = file.Concat(new byte[] { 1, 0, 0, 0, 0 }).ToArray();

        AssertTampered(Verify(rig, longer), RecordingFormatError.TrailingData, layout.Records.Count);
    }

    [Fact]
    public void ReadHeader_NotARecording_ThrowsBadMagic()
    {
        var ex = Assert.Throws<RecordingFormatException>(() => new RecordingReader(new byte[200]).ReadHeader());

        Assert.Equal(RecordingFormatError.BadMagic, ex.Error);
    }

    private static void AssertTampered(RecordingResult result, RecordingFormatError error, int record)
    {
        Assert.Equal(RecordingStatus.Tampered, result.Status);
        Assert.Equal(error, result.Error);
        Assert.Equal(record, result.FailedRecordIndex);
    }

    private static void AssertDetected(Func<RecordingResult> read, int position, bool allowWrongKey)
    {
        try
        {
            RecordingResult result = read();
            Assert.True(
                result.Status is RecordingStatus.Tampered or RecordingStatus.Truncated,
                "flip at " + position + " gave " + result.Status);
        }
        catch (RecordingFormatException)
        {
            // Detected while parsing the header.
        }
        catch (WrongKeyException) when (allowWrongKey)
        {
            // The flip hit the recipient key in the stanza: the key no longer matches.
        }
    }

    private static byte[] Rebuild(byte[] file, RecordingLayout layout, Action<List<byte[]>> change)
    {
        var records = Enumerable.Range(0, layout.Records.Count).Select(i => layout.Slice(file, i)).ToList();
        change(records);
        return file.AsSpan(0, layout.HeaderLength).ToArray().Concat(records.SelectMany(r => r)).ToArray();
    }
}
