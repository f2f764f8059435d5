using System;
using System.Linq;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;
using RecordingWriterOptions = Bodycam.Firmware.Recording.RecordingWriterOptions;

namespace Bodycam.Emulator.Tests.Recording;

public class RoundTripTests
{
    [Fact]
    public void Decrypt_RecordingFromDevice_ReturnsEveryFrameAndMarker()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(3000);

        RecordingResult result = new RecordingReader(rig.FirstFile(id)).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);

        Assert.Equal(RecordingStatus.Complete, result.Status);
        Assert.Equal(60, result.Frames.Count);
        // The rig records from 10 s after power-on; times in the file count from the recording's start.
        Assert.Equal(new long[] { 1_050 }, result.Markers);
        Assert.Equal(id, result.Header.RecordingId);
        Assert.Equal("hattem-cam-01", result.Header.DeviceId);
        Assert.Equal(VideoCodec.Synthetic, result.Header.VideoCodec);
        Assert.True(result.Header.ClockSynchronised);
        Assert.Equal(RecordingCloseReason.Stopped, result.CloseReason);
        MediaFrame third = result.Frames[2];
        Assert.Equal(MediaKind.Video, third.Kind);
        Assert.Equal(100, third.TimestampMilliseconds);
        Assert.False(third.KeyFrame);
        Assert.Equal(RecordingRig.FrameBytes(1, 300), third.Data.ToArray());
        Assert.Equal(result.SegmentCount, result.SignedSegmentCount);
    }

    [Fact]
    public void Verify_RecordingFromDevice_IsCompleteWithoutKey()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(3000);

        RecordingResult result = new RecordingReader(rig.FirstFile(id)).Verify(rig.DevicePublicKey);

        Assert.Equal(RecordingStatus.Complete, result.Status);
        Assert.Empty(result.Frames);
        Assert.Equal(4, result.SegmentCount);
    }

    [Fact]
    public void Decrypt_EachOfThreeRecipients_GetsTheSameFrames()
    {
        using var rig = new RecordingRig(recipients: 3);
        string id = rig.Record(2000);
        var reader = new RecordingReader(rig.FirstFile(id));

        var results = rig.RecipientPrivateKeys.Select(k => reader.Decrypt(rig.DevicePublicKey, k)).ToList();

        Assert.All(results, r => Assert.Equal(RecordingStatus.Complete, r.Status));
        Assert.Equal(3, results[0].Header.Recipients.Count);
        for (int i = 1; i < 3; i++)
        {
            Assert.Equal(results[0].Frames.Select(f => f.Data.ToArray()), results[i].Frames.Select(f => f.Data.ToArray()));
        }
    }

    [Fact]
    public void Decrypt_KeyOfAnotherMunicipality_ThrowsWrongKey()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(1000);
        byte[] other = new byte[32];
        new Bodycam.Emulator.Board.SimulatedRandom(99).Fill(other, 0, 32);

        Assert.Throws<WrongKeyException>(() => new RecordingReader(rig.FirstFile(id)).Decrypt(rig.DevicePublicKey, other));
    }

    [Fact]
    public void Verify_AnotherDevicesKey_IsTamperedAtHeader()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(1000);
        using var other = new RecordingRig(seed: 8);

        RecordingResult result = new RecordingReader(rig.FirstFile(id)).Verify(other.DevicePublicKey);

        Assert.Equal(RecordingStatus.Tampered, result.Status);
        Assert.Equal(RecordingFormatError.DeviceKeyMismatch, result.Error);
        Assert.Equal(-1, result.FailedRecordIndex);
    }

    [Fact]
    public void Decrypt_RecordingPastFileLimit_ContinuesInLinkedFiles()
    {
        RecordingWriterOptions options = RecordingRig.SmallOptions();
        options.FileMaxBytes = 12_000 + 2 * 4096 + 4096;
        using var rig = new RecordingRig(options: options);
        string id = rig.Record(6000);
        string[] files = rig.Store.ListFiles(id);

        var results = files.Select(f => new RecordingReader(rig.ReadFile(f)).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0])).ToList();

        Assert.True(files.Length >= 2);
        Assert.All(results, r => Assert.Equal(RecordingStatus.Complete, r.Status));
        for (int i = 1; i < results.Count; i++)
        {
            RecordingReader.VerifyContinuation(results[i - 1], results[i]);
            Assert.Equal(i, results[i].Header.ContinuationIndex);
        }

        Assert.Equal(120, results.Sum(r => r.Frames.Count));
        Assert.Equal(RecordingCloseReason.Stopped, results[^1].CloseReason);
        Assert.Throws<RecordingFormatException>(() => RecordingReader.VerifyContinuation(results[1], results[0]));
    }

    [Fact]
    public void Record_SameSeeds_GiveByteIdenticalFiles()
    {
        using var a = new RecordingRig();
        using var b = new RecordingRig();

        string idA = a.Record(2000);
        string idB = b.Record(2000);

        Assert.Equal(idA, idB);
        Assert.Equal(a.FirstFile(idA), b.FirstFile(idB));
    }
}
