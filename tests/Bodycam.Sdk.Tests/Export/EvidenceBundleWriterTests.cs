using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Media;
using Xunit;

namespace Bodycam.Sdk.Tests.Export;

public sealed class EvidenceBundleWriterTests : IDisposable
{
    private static readonly DateTimeOffset s_created = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] s_publicKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly string _root;
    private readonly string _original;

    public EvidenceBundleWriterTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "bodycam-bundle-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        _original = Path.Combine(_root, "rec-0001.bcr");
        File.WriteAllBytes(_original, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Create_MotionJpegRecording_WritesOriginalExportReportsAndManifest()
    {
        string bundle = Path.Combine(_root, "bundle");

        EvidenceBundle result = Writer().Create(bundle, Input());

        Assert.Equal(File.ReadAllBytes(_original), File.ReadAllBytes(Path.Combine(bundle, "original", "rec-0001.bcr")));
        Assert.NotNull(result.Export);
        Assert.Null(result.ExportNote);
        AviFile avi = AviFile.Parse(File.ReadAllBytes(Path.Combine(bundle, "recording.avi")));
        Assert.Equal(5u, avi.TotalFrames);
        string[] names = RelativeFiles(bundle);
        Assert.Equal(new[] { "SHA256SUMS", "original/rec-0001.bcr", "recording.avi", "report.json", "report.txt" }, names);
        AssertManifestCoversEveryOtherFile(bundle);
        Assert.Equal(names.Where(n => n != "SHA256SUMS"), result.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Create_Report_StatesDeviceRecordingTimesMarkersAndHashes()
    {
        string bundle = Path.Combine(_root, "bundle");

        Writer().Create(bundle, Input());

        string text = File.ReadAllText(Path.Combine(bundle, "report.txt"));
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(s_publicKey));
        Assert.Contains("Status: COMPLETE", text);
        Assert.Contains("Device id: BC-HEERDE-01", text);
        Assert.Contains("Key fingerprint: SHA256:" + fingerprint, text);
        Assert.Contains("Recording id: 00112233", text);
        Assert.Contains("Start (UTC): 2026-03-01T13:14:15.000Z (device clock synchronised)", text);
        Assert.Contains("Duration: 00:00:00.200 (200 ms)", text);
        Assert.Contains("Segments: 1", text);
        Assert.Contains("1. +00:00:00.080  2026-03-01T13:14:15.080Z", text);
        Assert.Contains("recording started", text);
        Assert.Contains(Sha256(_original) + "  original/rec-0001.bcr (5000 bytes)", text);
        Assert.Contains("Report made (UTC): 2026-03-04T10:00:00.000Z", text);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "report.json")));
        JsonElement r = json.RootElement;
        Assert.Equal("Complete", r.GetProperty("status").GetString());
        Assert.Equal(fingerprint, r.GetProperty("device").GetProperty("publicKeySha256").GetString());
        Assert.True(r.GetProperty("recording").GetProperty("clockSynchronised").GetBoolean());
        Assert.Equal(80, r.GetProperty("recording").GetProperty("markers")[0].GetProperty("offsetMilliseconds").GetInt64());
        Assert.Equal(Sha256(_original), r.GetProperty("files")[0].GetProperty("sha256").GetString());
        Assert.Equal(5, r.GetProperty("export").GetProperty("videoFrames").GetInt32());
    }

    [Fact]
    public void Create_Report_StatesNoTimeSincePowerOn()
    {
        // Works-council rule: the device's monotonic clock (here 5000 ms at the start, 5080 at the marker) would date
        // the start of the wearer's shift; the report gives times from the recording's start and in UTC only.
        string bundle = Path.Combine(_root, "bundle");

        Writer().Create(bundle, Input());

        string text = File.ReadAllText(Path.Combine(bundle, "report.txt"));
        Assert.DoesNotContain("since device boot", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("device clock)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5080", text, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "report.json")));
        JsonElement recording = json.RootElement.GetProperty("recording");
        Assert.False(recording.TryGetProperty("startDeviceMilliseconds", out _));
        Assert.False(recording.GetProperty("markers")[0].TryGetProperty("deviceMilliseconds", out _));
        Assert.DoesNotContain("5080", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnsynchronisedClockAndTampered_SaysSo()
    {
        string bundle = Path.Combine(_root, "bundle");
        EvidenceInput input = Input(status: EvidenceStatus.Tampered, synchronised: false);

        Writer().Create(bundle, new EvidenceInput
        {
            OriginalFiles = input.OriginalFiles,
            DeviceId = input.DeviceId,
            DevicePublicKey = input.DevicePublicKey,
            RecordingId = input.RecordingId,
            FormatVersion = input.FormatVersion,
            StartUtc = null,
            ClockSynchronised = false,
            StartMonotonicMilliseconds = input.StartMonotonicMilliseconds,
            DurationMilliseconds = input.DurationMilliseconds,
            Segments = input.Segments,
            MarkerMilliseconds = input.MarkerMilliseconds,
            Status = EvidenceStatus.Tampered,
            StatusDetail = "segment 3 at offset 4096: hash chain mismatch",
            Streams = input.Streams,
            Frames = input.Frames,
        });

        string text = File.ReadAllText(Path.Combine(bundle, "report.txt"));
        Assert.Contains("Status: TAMPERED", text);
        Assert.Contains("Status detail: segment 3 at offset 4096: hash chain mismatch", text);
        Assert.Contains("Start (UTC): unknown", text);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "report.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("recording").GetProperty("startUtc").ValueKind);
    }

    [Fact]
    public void Create_H264Recording_KeepsRawStreamsWithTimingTables()
    {
        string bundle = Path.Combine(_root, "bundle");
        var h264 = new List<MediaFrame>
        {
            new(MediaKind.Video, 1000, true, new byte[] { 0, 0, 0, 1, 0x65, 1, 2 }),
            new(MediaKind.Audio, 1000, true, new byte[] { 1, 2, 3, 4 }),
            new(MediaKind.Video, 1040, false, new byte[] { 0, 0, 0, 1, 0x41, 3 }),
        };
        EvidenceInput input = Input(frames: h264, codec: VideoCodec.H264);

        EvidenceBundle result = Writer().Create(bundle, input);

        Assert.Null(result.Export);
        Assert.Contains("H264", result.ExportNote);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0x65, 1, 2, 0, 0, 0, 1, 0x41, 3 }, File.ReadAllBytes(Path.Combine(bundle, "video.h264")));
        Assert.Equal(
            "frame,timestamp_ms,key_frame,offset,length\n0,1000,1,0,7\n1,1040,0,7,6\n",
            File.ReadAllText(Path.Combine(bundle, "video-frames.csv")));
        byte[] wav = File.ReadAllBytes(Path.Combine(bundle, "audio.wav"));
        Assert.Equal(48, wav.Length);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, wav.Skip(44).ToArray());
        Assert.Equal(40u, BitConverter.ToUInt32(wav, 4));
        Assert.Equal(16000u, BitConverter.ToUInt32(wav, 24));
        Assert.False(File.Exists(Path.Combine(bundle, "recording.avi")));
        Assert.Contains("raw streams", File.ReadAllText(Path.Combine(bundle, "report.txt")));
        AssertManifestCoversEveryOtherFile(bundle);
    }

    [Fact]
    public void Create_AudioOnly_WritesWaveAndNoVideo()
    {
        string bundle = Path.Combine(_root, "bundle");
        EvidenceInput input = Input(frames: AviExporterTests.Audio(0, 20, 3, 16000));

        EvidenceBundle result = Writer().Create(bundle, input);

        Assert.Equal("No AVI export: the recording has no video.", result.ExportNote);
        Assert.Equal(new[] { "SHA256SUMS", "audio-blocks.csv", "audio.wav", "original/rec-0001.bcr", "report.json", "report.txt" }, RelativeFiles(bundle));
        Assert.Equal(44 + (3 * 640), new FileInfo(Path.Combine(bundle, "audio.wav")).Length);
    }

    [Fact]
    public void Create_TooLargeForTheAvi_KeepsRawStreamsAndSaysWhy()
    {
        string bundle = Path.Combine(_root, "bundle");
        var writer = new EvidenceBundleWriter(new FixedTime(s_created), new AviExporter(4096));
        List<MediaFrame> frames = AviExporterTests.Video(Enumerable.Range(0, 60).Select(i => i * 40L));

        EvidenceBundle result = writer.Create(bundle, Input(frames: frames));

        Assert.Null(result.Export);
        Assert.StartsWith("No AVI export (TooLarge)", result.ExportNote);
        Assert.Equal(frames.SelectMany(f => f.Data.ToArray()), File.ReadAllBytes(Path.Combine(bundle, "video.mjpeg")));
        Assert.False(File.Exists(Path.Combine(bundle, "recording.avi")));
        AssertManifestCoversEveryOtherFile(bundle);
    }

    [Fact]
    public void Create_SeveralOriginals_CopiesEachInOrder()
    {
        string second = Path.Combine(_root, "rec-0001.c01");
        File.WriteAllBytes(second, new byte[] { 9, 8, 7 });
        string bundle = Path.Combine(_root, "bundle");

        EvidenceBundle result = Writer().Create(bundle, Input(originals: new[] { _original, second }));

        Assert.Equal(new byte[] { 9, 8, 7 }, File.ReadAllBytes(Path.Combine(bundle, "original", "rec-0001.c01")));
        Assert.Contains(result.Files, f => f.RelativePath == "original/rec-0001.c01" && f.Sha256 == Sha256(second));
    }

    [Fact]
    public void Create_FolderExists_ThrowsAlreadyExistsAndLeavesItAlone()
    {
        string bundle = Path.Combine(_root, "bundle");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "keep.txt"), "earlier");

        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(() => Writer().Create(bundle, Input()));

        Assert.Equal(EvidenceBundleError.AlreadyExists, e.Reason);
        Assert.Equal(new[] { "keep.txt" }, RelativeFiles(bundle));
    }

    [Fact]
    public void Create_MissingOriginal_ThrowsOriginalMissing()
    {
        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(
            () => Writer().Create(Path.Combine(_root, "bundle"), Input(originals: new[] { Path.Combine(_root, "nope.bcr") })));

        Assert.Equal(EvidenceBundleError.OriginalMissing, e.Reason);
        Assert.False(Directory.Exists(Path.Combine(_root, "bundle")));
    }

    [Fact]
    public void Create_TwoOriginalsWithOneName_ThrowsDuplicateOriginalName()
    {
        Directory.CreateDirectory(Path.Combine(_root, "other"));
        string twin = Path.Combine(_root, "other", "rec-0001.bcr");
        File.WriteAllBytes(twin, new byte[] { 1 });

        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(
            () => Writer().Create(Path.Combine(_root, "bundle"), Input(originals: new[] { _original, twin })));

        Assert.Equal(EvidenceBundleError.DuplicateOriginalName, e.Reason);
    }

    [Fact]
    public void Create_BadPublicKey_ThrowsInvalidInput()
    {
        EvidenceInput good = Input();
        var input = new EvidenceInput
        {
            OriginalFiles = good.OriginalFiles,
            DeviceId = good.DeviceId,
            DevicePublicKey = new byte[31],
            RecordingId = good.RecordingId,
            FormatVersion = 1,
            ClockSynchronised = true,
            StartMonotonicMilliseconds = 0,
            DurationMilliseconds = 0,
            Segments = 0,
            Status = EvidenceStatus.Complete,
            Streams = good.Streams,
            Frames = good.Frames,
        };

        EvidenceBundleException e = Assert.Throws<EvidenceBundleException>(() => Writer().Create(Path.Combine(_root, "bundle"), input));

        Assert.Equal(EvidenceBundleError.InvalidInput, e.Reason);
    }

    [Fact]
    public void Create_FailureHalfway_LeavesNoBundleAndNoStagingFolder()
    {
        string bundle = Path.Combine(_root, "bundle");
        EvidenceInput input = Input(frames: new FailingFrames(AviExporterTests.Video(new long[] { 0, 40 })));

        Assert.Throws<InvalidOperationException>(() => Writer().Create(bundle, input));

        Assert.False(Directory.Exists(bundle));
        Assert.Empty(Directory.GetDirectories(_root));
    }

    private static EvidenceBundleWriter Writer() => new(new FixedTime(s_created), new AviExporter());

    private EvidenceInput Input(
        IReadOnlyList<MediaFrame>? frames = null,
        VideoCodec codec = VideoCodec.Mjpeg,
        IReadOnlyList<string>? originals = null,
        EvidenceStatus status = EvidenceStatus.Complete,
        bool synchronised = true)
    {
        return new EvidenceInput
        {
            OriginalFiles = originals ?? new[] { _original },
            DeviceId = "BC-HEERDE-01",
            DevicePublicKey = s_publicKey,
            RecordingId = "00112233",
            FormatVersion = 1,
            StartUtc = new DateTimeOffset(2026, 3, 1, 13, 14, 15, TimeSpan.Zero),
            ClockSynchronised = synchronised,
            StartMonotonicMilliseconds = 5000,
            DurationMilliseconds = 200,
            Segments = 1,
            MarkerMilliseconds = new long[] { 5080 },
            Status = status,
            Streams = new ExportStreamInfo(codec, 32, 16, 25, 16000),
            Frames = frames ?? AviExporterTests.Video(new long[] { 5000, 5040, 5080, 5120, 5160 }),
            AuditExcerpt = new[] { "2026-03-01T13:14:15Z recording started 00112233" },
        };
    }

    private static string[] RelativeFiles(string folder)
    {
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();
    }

    private static void AssertManifestCoversEveryOtherFile(string bundle)
    {
        string[] lines = File.ReadAllLines(Path.Combine(bundle, "SHA256SUMS"));
        var listed = new List<string>();
        foreach (string line in lines)
        {
            // sha256sum format: 64 hex digits, two spaces, the path.
            Assert.Matches("^[0-9a-f]{64}  [^ ].*$", line);
            string path = line[66..];
            Assert.Equal(Sha256(Path.Combine(bundle, path)), line[..64]);
            listed.Add(path);
        }

        Assert.Equal(RelativeFiles(bundle).Where(p => p != "SHA256SUMS"), listed);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class FixedTime : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTime(DateTimeOffset now)
        {
            _now = now;
        }

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>Frames whose enumeration fails after the first frame, as a reader failing mid-way would.</summary>
    private sealed class FailingFrames : IReadOnlyList<MediaFrame>
    {
        private readonly List<MediaFrame> _frames;

        public FailingFrames(List<MediaFrame> frames)
        {
            _frames = frames;
        }

        public int Count => _frames.Count;

        public MediaFrame this[int index] => _frames[index];

        public IEnumerator<MediaFrame> GetEnumerator()
        {
            yield return _frames[0];
            throw new InvalidOperationException("The frame source failed.");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
