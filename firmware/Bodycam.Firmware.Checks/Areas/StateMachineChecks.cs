using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>
/// Every transition of the recording state machine (docs/state-machine.md, transition table), on a whole device
/// composed by the device builder.
/// </summary>
public static class StateMachineChecks
{
    /// <summary>Off → Booting → Standby: camera on, ready cue, pre-record buffering.</summary>
    public static void BootEntersStandby()
    {
        var device = new TestDevice();
        device.PowerOn();
        Expect(device, DeviceState.Standby, FaultReason.None);
        Check.True(device.Camera.Running, "camera running in standby");
        Check.True(device.Trace.Contains("cue " + ((int)Cue.Ready).ToString()), "ready cue");
        device.Advance(5000);
        Check.True(device.Core.PreRecord.Count > 0, "the ring buffers in standby");
    }

    /// <summary>Standby → Recording on a double press, with the pre-record first, from a key frame.</summary>
    public static void DoublePressStartsRecordingWithPreRecord()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.Advance(10000);
        long trigger = device.Clock.Now + 250;
        device.DoublePress();
        Expect(device, DeviceState.Recording, FaultReason.None);
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.RecordingStarted).ToString()), "audit started");
        Check.True(device.Trace.Contains("cue " + ((int)Cue.RecordingStarted).ToString()), "start cue");
        Check.True(device.Cues.RecordingLed != LedPattern.Off, "recording LED on");
        device.Advance(3000);
        TestDeviceSink(device);
        Check.True(device.Sink!.FirstFrameMilliseconds < trigger, "the clip holds frames from before the trigger");
        Check.True(device.Sink.FirstFrameMilliseconds >= trigger - 30000, "nothing older than the window");
        Check.True(device.Trace.Contains("frame 1 key " + device.Sink.FirstFrameMilliseconds.ToString()), "clip starts with a key frame");
    }

    /// <summary>A single press while recording drops a marker (audit, cue); a hold stops and closes the file.</summary>
    public static void MarkerThenHoldStops()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.Advance(2000);
        device.DoublePress();
        device.Advance(2000);
        device.SinglePress();
        Check.Equal(1, device.Sink!.MarkerCount, "markers");
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.Marker).ToString()), "audit marker");
        device.Hold(3200);
        Expect(device, DeviceState.Standby, FaultReason.None);
        Check.True(device.Trace.Contains("state " + ((int)DeviceState.Finalizing).ToString()), "finalizing passed");
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.RecordingStopped).ToString()), "audit stopped");
        RecordingInfo[] recordings = device.Assembly!.RecordingStore.ListRecordings();
        Check.Equal(1, recordings.Length, "recordings");
        Check.True(recordings[0].State == RecordingState.Closed, "the recording is closed");
    }

    /// <summary>A single press or a hold in standby starts nothing.</summary>
    public static void SinglePressInStandbyStartsNothing()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.SinglePress();
        device.Hold(3500);
        Expect(device, DeviceState.Standby, FaultReason.None);
        Check.Equal(0, device.Assembly!.RecordingStore.ListRecordings().Length, "recordings");
    }

    /// <summary>Not provisioned: Fault(NotProvisioned); a double press starts nothing and plays the fault cue.</summary>
    public static void NotProvisionedRefuses()
    {
        var device = new TestDevice();
        device.Provisioned = false;
        device.PowerOn();
        Expect(device, DeviceState.Fault, FaultReason.NotProvisioned);
        device.DoublePress();
        Expect(device, DeviceState.Fault, FaultReason.NotProvisioned);
        Check.True(!device.Camera.Running, "camera off in the fault");
    }

    /// <summary>Battery critical while recording: the recording is finalized cleanly, then Fault(BatteryCritical).</summary>
    public static void BatteryCriticalFinalizes()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Battery.Percent = 4;
        device.Advance(11000);
        Expect(device, DeviceState.Fault, FaultReason.BatteryCritical);
        Check.True(device.Trace.Contains("end "), "the writer was closed");
        device.Battery.Percent = 50;
        device.Advance(11000);
        Expect(device, DeviceState.Standby, FaultReason.None);
    }

    /// <summary>A clock never set is signalled but never blocks: the recording is made, marked unsynchronised.</summary>
    public static void ClockNotSetStillRecords()
    {
        var device = new TestDevice();
        device.RealTimeClock.Unset();
        device.PowerOn();
        Expect(device, DeviceState.Standby, FaultReason.ClockNotSet);
        Check.True(device.Trace.Contains("cue " + ((int)Cue.ClockNotSet).ToString()), "clock cue");
        device.DoublePress();
        Expect(device, DeviceState.Recording, FaultReason.ClockNotSet);
        Check.True(device.Trace.Contains("no-clock"), "recording marked unsynchronised");
    }

    /// <summary>Standby → Docked (camera off, ring wiped) → Standby when taken out.</summary>
    public static void DockAndUndock()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.Advance(3000);
        device.Dock(true);
        Expect(device, DeviceState.Docked, FaultReason.None);
        Check.True(!device.Camera.Running, "camera off in the dock");
        Check.True(device.Core.PreRecord.IsArenaZeroed(), "ring wiped on docking");
        device.Dock(false);
        Expect(device, DeviceState.Standby, FaultReason.None);
    }

    /// <summary>Docking while recording is refused until the recording stops, then the device docks.</summary>
    public static void DockWhileRecordingWaits()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Dock(true);
        Expect(device, DeviceState.Recording, FaultReason.None);
        Check.True(device.Trace.Contains("cue " + ((int)Cue.Refused).ToString()), "refused cue");
        device.Hold(3200);
        Expect(device, DeviceState.Docked, FaultReason.None);
    }

    /// <summary>Too little storage: the start is refused, nothing is deleted, the storage-full warning shows.</summary>
    public static void StorageFullRefusesStart()
    {
        var device = new TestDevice(2 * 1024 * 1024);
        device.PowerOn();
        device.Advance(1000);
        var filler = new byte[4096];
        device.Storage.Create("filler");
        while (device.Storage.ReadFreeBytes() > 32 * 1024)
        {
            device.Storage.Append("filler", filler, 0, filler.Length);
        }

        device.DoublePress();
        Expect(device, DeviceState.Standby, FaultReason.StorageFull);
        Check.True(device.Trace.Contains("cue " + ((int)Cue.StorageFull).ToString()), "storage-full cue");
    }

    /// <summary>A write error while recording: what was sealed is closed, then Fault(StorageError).</summary>
    public static void StorageErrorWhileRecordingFaults()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Advance(2000);
        device.Storage.FailWrites = true;
        device.Advance(3000);
        Expect(device, DeviceState.Fault, FaultReason.StorageError);
        Check.True(!device.Camera.Running, "camera off in the fault");
    }

    /// <summary>While recording, the reminder cue repeats every 2 minutes.</summary>
    public static void ReminderRepeats()
    {
        var device = new TestDevice();
        device.Audio = false;
        device.PowerOn();
        device.DoublePress();
        device.Advance(245000);
        Check.Equal(2, device.Trace.CountOf("cue " + ((int)Cue.Reminder).ToString()), "reminders in 4 min");
    }

    /// <summary>A button held past the stuck limit in standby: Fault(ButtonStuck); released: standby again.</summary>
    public static void ButtonStuckFaultsAndClears()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.Edge(true);
        device.Advance(31000);
        Expect(device, DeviceState.Fault, FaultReason.ButtonStuck);
        device.Edge(false);
        device.Advance(200);
        Expect(device, DeviceState.Standby, FaultReason.None);
    }

    /// <summary>Power-down finalizes an open recording and wipes the ring.</summary>
    public static void PowerDownFinalizes()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Advance(2000);
        device.Core.PowerDown();
        Expect(device, DeviceState.Off, FaultReason.None);
        Check.True(device.Core.PreRecord.IsArenaZeroed(), "ring wiped");
        Check.True(device.Assembly!.RecordingStore.ListRecordings()[0].State == RecordingState.Closed, "closed");
    }

    private static void TestDeviceSink(TestDevice device)
    {
        Check.True(device.Sink != null && device.Sink.FrameCount > 0, "frames reached the writer");
    }

    private static void Expect(TestDevice device, DeviceState state, FaultReason fault)
    {
        Check.Equal((int)state, (int)device.Core.State, "state");
        Check.Equal((int)fault, (int)device.Core.Fault, "fault");
    }
}
