using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>The recording writer and boot recovery (docs/recording-format.md) on an in-memory card.</summary>
public static class RecordingChecks
{
    /// <summary>A closed recording is listed complete with its bytes; every frame the core sealed is on the card.</summary>
    public static void ClosedRecordingListedComplete()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.Advance(3000);
        device.DoublePress();
        device.Advance(5000);
        device.Hold(3200);
        RecordingInfo[] recordings = device.Assembly!.RecordingStore.ListRecordings();
        Check.Equal(1, recordings.Length, "recordings");
        Check.True(recordings[0].State == RecordingState.Closed, "complete");
        Check.True(recordings[0].TotalBytes > device.Sink!.FrameCount * 200L, "the card holds at least the frames' bytes");
    }

    /// <summary>A power cut mid-recording: the next boot closes the file by recovery, once, with an audit record.</summary>
    public static void PowerCutRecoveredAtBoot()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Advance(4000);
        device.PowerCut();
        device.PowerOn();
        Check.Equal(1, device.Assembly!.RecoveredRecordingIds.Length, "recovered at boot");
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.RecordingRecovered).ToString()), "audit recovered");
        RecordingInfo[] recordings = device.Assembly.RecordingStore.ListRecordings();
        Check.True(recordings[0].State == RecordingState.Recovered, "closed by recovery");
        device.PowerCut();
        device.PowerOn();
        Check.Equal(0, device.Assembly!.RecoveredRecordingIds.Length, "a closed file is never re-closed");
    }

    /// <summary>A file on the card this device never opened is not closed by recovery.</summary>
    public static void ForeignFileNotRecovered()
    {
        var device = new TestDevice();
        device.Storage.Create("REC-foreign-000.bcr");
        byte[] junk = new byte[300];
        device.Storage.Append("REC-foreign-000.bcr", junk, 0, junk.Length);
        device.PowerOn();
        Check.Equal(0, device.Assembly!.RecoveredRecordingIds.Length, "nothing recovered");
        Check.Equal(300, device.Storage.GetLength("REC-foreign-000.bcr"), "the foreign file is untouched");
    }

    /// <summary>
    /// A foreign file is audited when it appears and when it changes, never again at a mere boot: one record per boot
    /// would count the device's power-ons (docs/audit-trail.md).
    /// </summary>
    public static void ForeignFileAuditedOnceAcrossBoots()
    {
        var device = new TestDevice();
        string name = "0123456789abcdef0123456789abcdef-000.bcr";
        string foreign = "audit " + ((int)AuditEventType.ForeignFile).ToString();
        device.Storage.Create(name);
        byte[] junk = new byte[300];
        device.Storage.Append(name, junk, 0, junk.Length);
        device.PowerOn();
        Check.Equal(1, device.Trace.CountOf(foreign), "audited at the first boot that finds it");

        device.PowerCut();
        device.PowerOn();
        device.PowerCut();
        device.PowerOn();
        Check.Equal(1, device.Trace.CountOf(foreign), "not again at later boots");

        device.PowerCut();
        device.Storage.Append(name, junk, 0, 10);
        device.PowerOn();
        Check.Equal(2, device.Trace.CountOf(foreign), "again once it changed");

        device.PowerCut();
        device.Storage.Delete(name);
        device.PowerOn();
        Check.True(!device.InternalStorage.Exists(ForeignFileLedger.FileName), "the ledger is gone with the last foreign file");
        device.PowerCut();
        device.Storage.Create(name);
        device.Storage.Append(name, junk, 0, junk.Length);
        device.PowerOn();
        Check.Equal(3, device.Trace.CountOf(foreign), "a file that comes back is reported again");
    }

    /// <summary>A long recording is split into continuation files past the file duration limit.</summary>
    public static void ContinuationPastFileLimit()
    {
        var device = new TestDevice();
        device.Audio = false;
        device.FileMaxMilliseconds = 20000;
        device.PowerOn();
        device.DoublePress();
        device.Advance(25000);
        device.Hold(3200);
        RecordingInfo[] recordings = device.Assembly!.RecordingStore.ListRecordings();
        Check.Equal(1, recordings.Length, "one recording");
        Check.True(recordings[0].FileNames.Length >= 2, "continued in a second file");
    }
}
