using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Tests.Storage;
using Bodycam.Sdk.Recording;
using Xunit;
using SdkCloseReason = Bodycam.Sdk.Recording.RecordingCloseReason;

namespace Bodycam.Firmware.Tests.Recording;

/// <summary>
/// Card full while recording (docs/recording-format.md §5): for every free space from "the header does not fit" to
/// "plenty", the writer either refuses to start (no file) or leaves a file that verifies complete with close reason 3
/// (or 1 when the stop came first); never a file without a close; and the fault is reported as StorageError.Full.
/// </summary>
public class CardFullSweepTests
{
    private const int FrameBytes = 150;

    // 2 s of 150-byte frames need about 11 KB in three files; the sweep goes past that by a margin. A 3-byte stride
    // keeps the test under a minute on a loaded CI machine; a 1-byte stride over 26 000 bytes of 4 s recordings was
    // run once and passed (docs/recording-format.md §5).
    private const long MaxFree = 13_000;

    private const long Step = 3;

    [Fact]
    public void Recording_EveryFreeSpace_LeavesAVerifiableClosedFileOrNone()
    {
        var options = new RecordingWriterOptions
        {
            DeviceId = "hattem-cam-07",
            SegmentMaxBytes = 1024,
            SegmentMaxMilliseconds = 1000,
            CheckpointInterval = 3,
            FileMaxBytes = 6_000,
        };

        int refused = 0, full = 0, stopped = 0;
        var continuations = new HashSet<int>();
        for (long free = 1; free <= MaxFree; free += Step)
        {
            var card = new SimulatedStorage(free);
            using var rig = new WriterRig(card, options, reserve: 0);
            StorageException? fault = null;
            string? id = null;
            try
            {
                id = rig.Writer.Begin(1000, 0, false);
                for (long t = 0; t < 2_000; t += 40)
                {
                    rig.Writer.AppendFrame(FrameKind.Video, true, 1000 + t, new byte[FrameBytes], 0, FrameBytes);
                }

                rig.Writer.End(3_000);
            }
            catch (StorageException e)
            {
                fault = e;
            }

            Assert.True(fault == null || fault.Error == StorageError.Full, "free " + free + ": " + fault?.Error);
            Assert.False(rig.Writer.IsOpen);
            Assert.Equal(0, rig.Store.Journal.Count);
            if (id == null)
            {
                Assert.Empty(card.List());
                refused++;
                continue;
            }

            string[] files = rig.Store.ListFiles(id);
            continuations.Add(files.Length);
            for (int i = 0; i < files.Length; i++)
            {
                RecordingResult result = RecoveryJournalTests.VerifyFile(rig, files[i]);
                Assert.True(result.Status == RecordingStatus.Complete, "free " + free + " file " + i + ": " + result.Status + " " + result.Error);
                SdkCloseReason expected = i < files.Length - 1 ? SdkCloseReason.Continued
                    : fault != null ? SdkCloseReason.StorageFull : SdkCloseReason.Stopped;
                Assert.Equal(expected, result.CloseReason);
            }

            Assert.Empty(rig.Store.RecoverInterrupted());
            Assert.Empty(rig.Store.ForeignFiles);
            if (fault != null)
            {
                full++;
            }
            else
            {
                stopped++;
            }
        }

        Assert.True(refused > 0 && full > 0 && stopped > 0, $"refused {refused}, full {full}, stopped {stopped}");
        Assert.True(continuations.Count > 1, "the sweep must cross a continuation");
    }
}
