using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Sdk.Tests.Export;

public class EvidenceInputTests
{
    private static readonly byte[] s_deviceKey = Enumerable.Repeat((byte)5, 32).ToArray();

    [Fact]
    public void FromRecording_OneCompleteFile_TakesTheReadersFacts()
    {
        RecordingResult result = Result(0, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_000, 10_040 }, end: 10_500);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr" }, new[] { result }, new[] { "audit line" });

        Assert.Equal("cam-01", input.DeviceId);
        Assert.Equal(s_deviceKey, input.DevicePublicKey.ToArray());
        Assert.Equal("00aa", input.RecordingId);
        Assert.Equal(1, input.FormatVersion);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000), input.StartUtc);
        Assert.True(input.ClockSynchronised);
        Assert.Equal(10_000, input.StartMonotonicMilliseconds);
        Assert.Equal(500, input.DurationMilliseconds);
        Assert.Equal(3, input.Segments);
        Assert.Equal(EvidenceStatus.Complete, input.Status);
        Assert.Null(input.StatusDetail);
        Assert.Equal(new ExportStreamInfo(VideoCodec.Mjpeg, 32, 16, 25, 8000), input.Streams);
        Assert.Equal(result.Frames, input.Frames);
        Assert.Equal(result.Markers, input.MarkerMilliseconds);
        Assert.Equal(new[] { "audit line" }, input.AuditExcerpt);
    }

    [Fact]
    public void FromRecording_LinkedContinuation_JoinsFramesMarkersAndSegments()
    {
        RecordingResult first = Result(0, RecordingStatus.Complete, RecordingCloseReason.Continued, new long[] { 10_000 }, end: 10_040, finalChain: 7);
        RecordingResult second = Result(1, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_040 }, end: 10_080, previousChain: 7);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr", "a.c01" }, new[] { first, second });

        Assert.Equal(EvidenceStatus.Complete, input.Status);
        Assert.Equal(first.Frames.Concat(second.Frames), input.Frames);
        Assert.Equal(first.Markers.Concat(second.Markers), input.MarkerMilliseconds);
        Assert.Equal(6, input.Segments);
        Assert.Equal(80, input.DurationMilliseconds);
    }

    [Fact]
    public void FromRecording_BrokenLink_IsTamperedAndLeavesTheRestOut()
    {
        RecordingResult first = Result(0, RecordingStatus.Complete, RecordingCloseReason.Continued, new long[] { 10_000 }, end: 10_040, finalChain: 7);
        RecordingResult second = Result(1, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_040 }, end: 10_080, previousChain: 8);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr", "a.c01" }, new[] { first, second });

        Assert.Equal(EvidenceStatus.Tampered, input.Status);
        Assert.Contains("a.c01 (file 2 of 2) does not continue a.bcr", input.StatusDetail);
        Assert.Equal(first.Frames, input.Frames);
        Assert.Equal(new[] { "a.bcr", "a.c01" }, input.OriginalFiles);
    }

    [Fact]
    public void FromRecording_RecoveredFile_SaysWhatRecoveryCut()
    {
        RecordingResult result = Result(0, RecordingStatus.ClosedByRecovery, null, new long[] { 10_000 }, end: null, bytesCut: 1234, lastGood: 2);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr" }, new[] { result });

        Assert.Equal(EvidenceStatus.ClosedByRecovery, input.Status);
        Assert.Equal("a.bcr (file 1 of 1): recovery cut 1234 bytes of the segment in flight; last whole segment 2", input.StatusDetail);
        Assert.Equal(0, input.DurationMilliseconds);
    }

    [Fact]
    public void FromRecording_TamperedFirstFile_SaysWhereAndStops()
    {
        RecordingResult first = Result(0, RecordingStatus.Tampered, null, new long[] { 10_000 }, end: null, error: RecordingFormatError.ChainMismatch);
        RecordingResult second = Result(1, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_040 }, end: 10_080);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr", "a.c01" }, new[] { first, second });

        Assert.Equal(EvidenceStatus.Tampered, input.Status);
        Assert.Equal(
            "a.bcr (file 1 of 2): ChainMismatch at record 4, byte offset 999; nothing from there on is included; 3 of 3 segments are device-signed; later files are left out",
            input.StatusDetail);
        Assert.Equal(first.Frames, input.Frames);
    }

    [Fact]
    public void FromRecording_TruncatedFile_IsTruncated()
    {
        RecordingResult result = Result(0, RecordingStatus.Truncated, null, new long[] { 10_000, 10_040 }, end: null);

        EvidenceInput input = EvidenceInput.FromRecording(new[] { "a.bcr" }, new[] { result });

        Assert.Equal(EvidenceStatus.Truncated, input.Status);
        Assert.Contains("without a close record", input.StatusDetail);
        Assert.Equal(40, input.DurationMilliseconds);
    }

    [Fact]
    public void FromRecording_CountsDiffer_ThrowsInvalidInput()
    {
        RecordingResult result = Result(0, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_000 }, end: 10_040);

        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(
            () => EvidenceInput.FromRecording(new[] { "a.bcr", "b.bcr" }, new[] { result }));

        Assert.Equal(EvidenceBundleError.InvalidInput, e.Reason);
    }

    [Fact]
    public void FromRecording_StereoAudio_ThrowsInvalidInput()
    {
        RecordingResult result = Result(0, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_000 }, end: 10_040, channels: 2);

        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(
            () => EvidenceInput.FromRecording(new[] { "a.bcr" }, new[] { result }));

        Assert.Equal(EvidenceBundleError.InvalidInput, e.Reason);
    }

    [Fact]
    public void Create_FromReaderResults_WritesTheBundle()
    {
        string root = Path.Combine(Path.GetTempPath(), "bodycam-input-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            string original = Path.Combine(root, "00aa.bcr");
            File.WriteAllBytes(original, new byte[] { 1, 2, 3 });
            RecordingResult result = Result(0, RecordingStatus.Complete, RecordingCloseReason.Stopped, new long[] { 10_000, 10_040 }, end: 10_080);

            EvidenceBundle bundle = new EvidenceBundleWriter().Create(Path.Combine(root, "b"), new[] { original }, new[] { result });

            Assert.NotNull(bundle.Export);
            Assert.Equal(2, bundle.Export.VideoFrames);
            Assert.Contains("Recording id: 00aa", File.ReadAllText(Path.Combine(root, "b", "report.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static RecordingResult Result(
        int continuation,
        RecordingStatus status,
        RecordingCloseReason? close,
        long[] videoTimes,
        long? end,
        byte finalChain = 0,
        byte previousChain = 0,
        long bytesCut = 0,
        long lastGood = -1,
        RecordingFormatError? error = null,
        int channels = 1)
    {
        var header = new RecordingHeader
        {
            Version = 1,
            Length = 200,
            RecordingId = "00aa",
            DeviceId = "cam-01",
            DevicePublicKey = s_deviceKey,
            StartMonotonicMilliseconds = 10_000,
            StartUnixMilliseconds = 1_780_000_000_000,
            ClockSynchronised = true,
            ContinuationIndex = continuation,
            PreviousChainHash = Enumerable.Repeat(previousChain, 32).ToArray(),
            VideoCodec = VideoCodec.Mjpeg,
            Width = 32,
            Height = 16,
            FramesPerSecond = 25,
            AudioSampleRate = 8000,
            AudioFormat = 1,
            AudioChannels = channels,
            SegmentMaxMilliseconds = 1000,
            SegmentMaxBytes = 65536,
            CheckpointInterval = 2,
            FileMaxBytes = 1 << 20,
            FileMaxMilliseconds = 3_600_000,
            Recipients = Array.Empty<RecipientStanza>(),
            HeaderHash = new byte[32],
        };
        return new RecordingResult
        {
            Status = status,
            Header = header,
            SegmentCount = 3,
            SignedSegmentCount = 3,
            RecordCount = 5,
            Frames = AviExporterTests.Video(videoTimes),
            Markers = videoTimes.Take(1).Select(t => t + 5).ToList(),
            CloseReason = close,
            EndMonotonicMilliseconds = end,
            BytesCut = bytesCut,
            LastGoodSegment = lastGood,
            FinalChainHash = Enumerable.Repeat(finalChain, 32).ToArray(),
            Error = error,
            FailedRecordIndex = error is null ? -1 : 4,
            FailedOffset = error is null ? -1 : 999,
        };
    }
}
