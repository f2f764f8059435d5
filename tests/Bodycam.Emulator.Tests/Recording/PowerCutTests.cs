using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Recording;

public class PowerCutTests
{
    private const long Start = 10_000;

    public static IEnumerable<object[]> Modes() =>
        new[] { TornWriteMode.DropUnsynced, TornWriteMode.TearUnsynced, TornWriteMode.KeepUnsynced }.Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Modes))]
    public void PowerCut_AfterEveryStorageOperation_RecoveryKeepsEverySyncedSegment(TornWriteMode mode)
    {
        // The reference run: which calls flushed a segment, and how many frames were durable after each flush.
        using var reference = new RecordingRig();
        var steps = Script();
        var durableAfterOp = new List<(int Op, int Frames)>();
        var referenceFrames = new List<MediaFrame>();
        int framesGiven = 0;
        int lastFileFlush = int.MaxValue;
        reference.Storage.OperationCompleted += (_, op) =>
        {
            if (op.Kind == StorageOperationKind.Flush && op.Name.EndsWith(".bcr", StringComparison.Ordinal))
            {
                lastFileFlush = op.Number;
            }
        };
        foreach (Action<Bodycam.Firmware.Recording.RecordingWriter> step in steps)
        {
            int before = reference.Storage.OperationCount;
            int framesBeforeStep = framesGiven;
            step(reference.Writer);
            if (step.Target is FrameStep)
            {
                framesGiven++;
            }

            if (reference.Storage.OperationCount != before)
            {
                // A segment is sealed at the start of the call that overflows it; End seals everything.
                bool isEnd = ReferenceEquals(step, steps[^1]);
                durableAfterOp.Add((reference.Storage.OperationCount, isEnd ? framesGiven : framesBeforeStep));
            }
        }

        int totalOps = reference.Storage.OperationCount;
        string refId = reference.Store.ListRecordings().Single().RecordingId;
        referenceFrames.AddRange(new RecordingReader(reference.FirstFile(refId)).Decrypt(reference.DevicePublicKey, reference.RecipientPrivateKeys[0]).Frames);
        Assert.Equal(framesGiven, referenceFrames.Count);

        for (int cut = 0; cut < totalOps; cut++)
        {
            using var rig = new RecordingRig();
            rig.Storage.TornWrites = mode;
            rig.Storage.CutPowerAfter(cut);
            var ex = Assert.Throws<StorageException>(() => steps.ForEach(s => s(rig.Writer)));
            Assert.Equal(StorageError.PowerLost, ex.Error);

            RecordingStore store = rig.Reboot();
            string[] recovered = store.RecoverInterrupted();

            int expected = durableAfterOp.Where(d => d.Op <= cut).Select(d => d.Frames).DefaultIfEmpty(0).Max();
            RecordingInfo[] list = store.ListRecordings();
            if (list.Length == 0 || list[0].State == RecordingState.Damaged)
            {
                // Cut before the header was durable: no footage existed yet.
                Assert.Equal(0, expected);
                continue;
            }

            byte[] file = rig.FirstFile(list[0].RecordingId);
            RecordingResult verified = new RecordingReader(file).Verify(rig.DevicePublicKey);
            RecordingResult result = new RecordingReader(file).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);
            if (list[0].State == RecordingState.Closed)
            {
                // The cut hit the final flush, but the card had already written the close record; or it hit the journal
                // write after the close was flushed (the journal is on this card here): nothing left to recover.
                Assert.True(mode == TornWriteMode.KeepUnsynced || cut >= lastFileFlush, "cut " + cut + " before the close's flush " + lastFileFlush);
                Assert.Empty(recovered);
                Assert.Equal(RecordingStatus.Complete, result.Status);
                Assert.Equal(framesGiven, result.Frames.Count);
                continue;
            }

            Assert.Equal(RecordingState.Recovered, list[0].State);
            Assert.Equal(new[] { list[0].RecordingId }, recovered);
            Assert.Equal(RecordingStatus.ClosedByRecovery, verified.Status);
            Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);
            Assert.Equal(result.SegmentCount, result.SignedSegmentCount);
            Assert.True(result.Frames.Count >= expected, "cut " + cut + ": " + result.Frames.Count + " < " + expected);
            for (int i = 0; i < result.Frames.Count; i++)
            {
                Assert.Equal(referenceFrames[i].Data.ToArray(), result.Frames[i].Data.ToArray());
            }

            // Recovery runs once: a second boot finds nothing to do.
            Assert.Empty(rig.Reboot().RecoverInterrupted());
        }
    }

    [Fact]
    public void RecoverInterrupted_TornSegment_CutsItAndRecordsTheBytesLost()
    {
        using var rig = new RecordingRig();
        rig.Storage.TornWrites = TornWriteMode.KeepUnsynced;
        string id = rig.Record(2500, end: false);
        string name = rig.Store.ListFiles(id)[0];
        byte[] before = rig.ReadFile(name);

        // A torn append: 37 bytes of a segment record land without the rest.
        rig.Storage.WriteAllBytes(name, before.Concat(new byte[] { 1, 0, 0, 1, 0 }).Concat(new byte[32]).ToArray());
        RecordingStore store = rig.Reboot();
        store.RecoverInterrupted();
        RecordingResult result = new RecordingReader(rig.ReadFile(name)).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);

        Assert.True(result.Status == RecordingStatus.ClosedByRecovery, result.Error + " at " + result.FailedRecordIndex);
        Assert.Equal(37, result.BytesCut);
        Assert.Equal(result.SegmentCount - 1, result.LastGoodSegment);
        Assert.Equal(before.Length + 5 + 116, rig.ReadFile(name).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void RecoverInterrupted_PowerCutDuringRecovery_RecoversAtTheNextBoot(int operations)
    {
        using var rig = new RecordingRig();
        rig.Storage.TornWrites = TornWriteMode.TearUnsynced;
        string id = rig.Record(2500, end: false);
        string name = rig.Store.ListFiles(id)[0];
        rig.Storage.Append(name, new byte[] { 1, 0, 0, 1, 0, 7 }, 0, 6);
        RecordingStore store = rig.Reboot();
        rig.Storage.CutPowerAfter(operations);

        Assert.Throws<StorageException>(() => store.RecoverInterrupted());
        RecordingStore again = rig.Reboot();
        string[] recovered = again.RecoverInterrupted();
        RecordingResult result = new RecordingReader(rig.ReadFile(name)).Decrypt(rig.DevicePublicKey, rig.RecipientPrivateKeys[0]);

        Assert.Equal(new[] { id }, recovered);
        Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);
        Assert.Equal(RecordingState.Recovered, again.ListRecordings().Single().State);
    }

    private static List<Action<Bodycam.Firmware.Recording.RecordingWriter>> Script()
    {
        var steps = new List<Action<Bodycam.Firmware.Recording.RecordingWriter>> { Begin };
        for (int n = 0; n < 25; n++)
        {
            int k = n;
            long t = Start + (k * 100);
            steps.Add(new FrameStep(k, t).Run);
            if (k == 12)
            {
                steps.Add(w => w.AddMarker(t + 20));
            }
        }

        steps.Add(End);
        return steps;
    }

    private static void Begin(Bodycam.Firmware.Recording.RecordingWriter w) => w.Begin(Start, 1_780_000_000_000, true);

    private static void End(Bodycam.Firmware.Recording.RecordingWriter w) => w.End(Start + 2500);

    private static void Frame(Bodycam.Firmware.Recording.RecordingWriter w, int n, long t) =>
        w.AppendFrame(FrameKind.Video, n % 5 == 0, t, RecordingRig.FrameBytes(n, 400), 0, 400);

    private sealed class FrameStep
    {
        private readonly int _n;
        private readonly long _t;

        public FrameStep(int n, long t)
        {
            _n = n;
            _t = t;
        }

        public void Run(Bodycam.Firmware.Recording.RecordingWriter w) => Frame(w, _n, _t);
    }
}
