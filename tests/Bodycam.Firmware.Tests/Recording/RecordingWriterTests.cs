using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;
using Moq;
using Xunit;

namespace Bodycam.Firmware.Tests.Recording;

public class RecordingWriterTests
{
    [Fact]
    public void Record_ManySegmentsAndFiles_NeverSealsTwiceWithTheSameKeyAndNonce()
    {
        var options = new RecordingWriterOptions { SegmentMaxBytes = 2048, CheckpointInterval = 2, FileMaxBytes = 20_000 };
        using var rig = new WriterRig(options: options, recipients: new[] { WriterRig.RecipientPublicKey(1), WriterRig.RecipientPublicKey(2) });

        string id = rig.Record(20_000, size: 500);
        string id2 = rig.Record(3_000, start: 40_000, size: 500);

        Assert.True(rig.Store.ListFiles(id).Length > 3);
        Assert.NotEqual(id, id2);
        Assert.Equal(rig.Crypto.KeyNoncePairs.Count, rig.Crypto.KeyNoncePairs.Distinct().Count());
    }

    [Fact]
    public void Record_AnHourAfterPowerOn_WritesTimesFromTheRecordingsStartNotFromPowerOn()
    {
        // Works-council rule (docs/recording-format.md §1): a time since power-on would date the start of the shift.
        // An hour after power-on, 4 s of pre-record before the press, two files: every time in the files counts from
        // the oldest kept frame.
        var options = new RecordingWriterOptions { DeviceId = "HEE-01", SegmentMaxBytes = 4096, CheckpointInterval = 3, FileMaxBytes = 1024 * 1024, FileMaxMilliseconds = 6000 };
        using var rig = new WriterRig(options: options, recipients: new[] { WriterRig.RecipientPublicKey(1) });
        const long PowerOnToStart = 3_600_000;
        string id = rig.Writer.Begin(PowerOnToStart, PowerOnToStart + 4000, 1_780_000_000_000, true);
        for (long t = 0; t < 10_000; t += 100)
        {
            rig.Writer.AppendFrame(FrameKind.Video, true, PowerOnToStart + t, new byte[50], 0, 50);
        }

        rig.Writer.AddMarker(PowerOnToStart + 9_950);
        rig.Writer.End(PowerOnToStart + 10_000);

        string[] files = rig.Store.ListFiles(id);
        Assert.Equal(2, files.Length);
        byte[] device = new byte[32];
        rig.SecureElement.ReadDevicePublicKey(device, 0);
        byte[] recipient = new byte[32];
        recipient[0] = 1;
        recipient[31] = 0x40;
        var first = new RecordingReader(((SimulatedStorage)rig.Storage).ReadAllBytes(files[0])).Decrypt(device, recipient);
        var second = new RecordingReader(((SimulatedStorage)rig.Storage).ReadAllBytes(files[1])).Decrypt(device, recipient);

        Assert.Equal(RecordingStatus.Complete, first.Status);
        Assert.Equal(0, first.Header.StartMonotonicMilliseconds);
        Assert.Equal(4000, first.PressMonotonicMilliseconds);
        Assert.Equal(4000, first.PreRecordSpanMilliseconds);
        Assert.Equal(0, first.Frames[0].TimestampMilliseconds);
        Assert.Equal(6000, second.Header.StartMonotonicMilliseconds);
        Assert.Equal(6000, second.PressMonotonicMilliseconds);
        Assert.Equal(9_900, second.Frames[^1].TimestampMilliseconds);
        Assert.Equal(new long[] { 9_950 }, second.Markers);
        Assert.Equal(10_000, second.EndMonotonicMilliseconds);

        // The UTC start is unchanged: the press's UTC minus the pre-record.
        Assert.Equal(1_780_000_000_000 - 4000, first.Header.StartUnixMilliseconds);
    }

    [Fact]
    public void End_AfterRecording_ZeroesEveryKeyBuffer()
    {
        using var rig = new WriterRig();
        rig.Writer.Begin(0, 0, false);
        rig.Writer.AppendFrame(FrameKind.Video, true, 0, new byte[10], 0, 10);
        Assert.Contains(KeyBuffer(rig.Writer, "_payloadKey"), b => b != 0);

        rig.Writer.End(100);

        foreach (string field in new[] { "_contentKey", "_payloadKey", "_wrapKey", "_sharedSecret" })
        {
            Assert.All(KeyBuffer(rig.Writer, field), b => Assert.Equal(0, b));
        }

        Assert.False(rig.Writer.IsOpen);
    }

    [Fact]
    public void Begin_AfterHeader_ContentKeyIsAlreadyErased()
    {
        using var rig = new WriterRig();

        rig.Writer.Begin(0, 0, false);

        Assert.All(KeyBuffer(rig.Writer, "_contentKey"), b => Assert.Equal(0, b));
    }

    [Fact]
    public void AppendFrame_SegmentFull_IsFlushedBeforeTheNextSegmentIsWritten()
    {
        var inner = new SimulatedStorage(1 << 24);
        var calls = new List<string>();
        var storage = new Mock<IFileStorage>(MockBehavior.Strict);
        storage.Setup(s => s.Create(It.IsAny<string>())).Callback<string>(n => { calls.Add("create"); inner.Create(n); });
        storage.Setup(s => s.Append(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<int>()))
            .Callback<string, byte[], int, int>((n, b, o, c) => { calls.Add("append" + b[o]); inner.Append(n, b, o, c); });
        storage.Setup(s => s.Flush(It.IsAny<string>())).Callback<string>(n => { calls.Add("flush"); inner.Flush(n); });
        storage.Setup(s => s.ReadFreeBytes()).Returns(() => inner.ReadFreeBytes());
        using var rig = new WriterRig(storage.Object);

        rig.Record(5000);

        // Header and open record (type 5); then each segment (type 1) is flushed before the next, with a checkpoint
        // (type 2) every 3rd; close (3).
        string expected = "create append66 append5 flush "
            + "append1 flush append1 flush append1 append2 flush append1 flush append1 append3 flush";
        Assert.Equal(expected, string.Join(" ", calls));
    }

    [Fact]
    public void AppendFrame_FramesOverOneSecond_SealsOneSegmentPerSecond()
    {
        using var rig = new WriterRig();
        rig.Writer.Begin(0, 0, false);
        rig.Crypto.KeyNoncePairs.Clear();

        for (long t = 0; t < 3000; t += 40)
        {
            rig.Writer.AppendFrame(FrameKind.Audio, true, t, new byte[20], 0, 20);
        }

        Assert.Equal(2, rig.Crypto.KeyNoncePairs.Count);
        rig.Writer.End(3000);
        Assert.Equal(3, rig.Crypto.KeyNoncePairs.Count);
    }

    [Fact]
    public void AppendFrame_SteadyState_AllocatesNothing()
    {
        // No checkpoint in the window (1 s segments, the 10th seals at 10 s): the simulated secure element's signing
        // (BouncyCastle) allocates; the writer must not.
        var storage = new CountingStorage();
        using var rig = new WriterRig(storage, new RecordingWriterOptions { SegmentMaxBytes = 64 * 1024, SegmentMaxMilliseconds = 1000, CheckpointInterval = 10 });
        rig.Crypto.Record = false;
        rig.Writer.Begin(0, 0, false);
        byte[] frame = new byte[900];
        for (int i = 0; i < 30; i++)
        {
            // Past the first seal (at 1 s), so the window runs only warmed-up paths.
            rig.Writer.AppendFrame(FrameKind.Video, true, i * 40, frame, 0, frame.Length);
        }

        // The fewest bytes of three windows of 2.8 s (each sealing two or three segments): a writer that allocates
        // shows in every window, the runtime's one-off recompilation of a method (tiered JIT) in one.
        long fewest = long.MaxValue;
        for (int start = 30; start < 240; start += 70)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = start; i < start + 70; i++)
            {
                rig.Writer.AppendFrame(FrameKind.Video, true, i * 40, frame, 0, frame.Length);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.True(storage.Appends > 10);
    }

    [Fact]
    public void Begin_NotProvisioned_ThrowsAndWritesNothing()
    {
        var provisioning = new Mock<IProvisioning>(MockBehavior.Strict);
        provisioning.SetupGet(p => p.RecipientCount).Returns(0);
        provisioning.SetupGet(p => p.IsProvisioned).Returns(false);
        var storage = new SimulatedStorage(1 << 20);
        using var crypto = new SimulatedCryptoEngine();
        var se = SimulatedSecureElement.Create(new SimulatedRandom(1));
        var store = new RecordingStore(storage, crypto, se, 0);
        var writer = new RecordingWriter(new RecordingWriterOptions { SegmentMaxBytes = 1024, FileMaxBytes = 1 << 20 }, store, crypto, se, new SimulatedRandom(2), provisioning.Object);

        Assert.Throws<InvalidOperationException>(() => writer.Begin(0, 0, true));
        Assert.Empty(storage.List());
        Assert.False(writer.IsOpen);
    }

    [Fact]
    public void Begin_LowOrderRecipientKey_IsRefused()
    {
        var storage = new SimulatedStorage(1 << 20);
        using var rig = new WriterRig(storage, recipients: new[] { new byte[32] });

        Assert.Throws<InvalidOperationException>(() => rig.Writer.Begin(0, 0, true));
        Assert.Empty(storage.List());
        Assert.All(KeyBuffer(rig.Writer, "_contentKey"), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Begin_NoRoom_ThrowsStorageFull()
    {
        using var rig = new WriterRig(new SimulatedStorage(8 * 1024));

        var ex = Assert.Throws<StorageException>(() => rig.Writer.Begin(0, 0, true));

        Assert.Equal(StorageError.Full, ex.Error);
        Assert.False(rig.Writer.IsOpen);
    }

    [Fact]
    public void AppendFrame_StorageFillsUp_ClosesTheFileAndThrowsFull()
    {
        var storage = new SimulatedStorage(40 * 1024);
        using var rig = new WriterRig(storage, reserve: 0);
        rig.Writer.Begin(0, 0, true);
        byte[] frame = new byte[1000];

        StorageException ex = Assert.Throws<StorageException>(() =>
        {
            for (int t = 0; t < 10_000_000; t += 100)
            {
                rig.Writer.AppendFrame(FrameKind.Video, true, t, frame, 0, frame.Length);
            }
        });

        Assert.Equal(StorageError.Full, ex.Error);
        Assert.False(rig.Writer.IsOpen);
        Assert.Equal(RecordingState.Closed, rig.Store.ListRecordings().Single().State);
    }

    [Fact]
    public void AppendFrame_LargerThanASegment_Throws()
    {
        using var rig = new WriterRig();
        rig.Writer.Begin(0, 0, true);

        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Writer.AppendFrame(FrameKind.Video, true, 0, new byte[5000], 0, 5000));
    }

    [Fact]
    public void AppendFrame_NotOpen_Throws()
    {
        using var rig = new WriterRig();

        Assert.Throws<InvalidOperationException>(() => rig.Writer.AppendFrame(FrameKind.Video, true, 0, new byte[1], 0, 1));
        Assert.Throws<InvalidOperationException>(() => rig.Writer.End(0));
    }

    [Fact]
    public void Begin_Twice_Throws()
    {
        using var rig = new WriterRig();
        rig.Writer.Begin(0, 0, true);

        Assert.Throws<InvalidOperationException>(() => rig.Writer.Begin(1, 0, true));
    }

    [Fact]
    public void Constructor_FileLimitBelowTwoSegments_Throws()
    {
        var options = new RecordingWriterOptions { SegmentMaxBytes = 100_000, FileMaxBytes = 150_000 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new WriterRig(options: options));
    }

    private static byte[] KeyBuffer(RecordingWriter writer, string field) =>
        (byte[])typeof(RecordingWriter).GetField(field, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(writer)!;

    private sealed class CountingStorage : IFileStorage
    {
        public int Appends { get; private set; }

        public string[] List() => Array.Empty<string>();

        public bool Exists(string name) => false;

        public void Create(string name)
        {
        }

        public void Append(string name, byte[] buffer, int offset, int count) => Appends++;

        public void Flush(string name)
        {
        }

        public int Read(string name, long position, byte[] buffer, int offset, int count) => 0;

        public long GetLength(string name) => 0;

        public void Truncate(string name, long length)
        {
        }

        public void Delete(string name)
        {
        }

        public long ReadFreeBytes() => long.MaxValue / 2;

        public long ReadCapacityBytes() => long.MaxValue / 2;
    }
}
