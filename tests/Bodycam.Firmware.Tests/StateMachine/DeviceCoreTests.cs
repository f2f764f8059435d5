using System;
using System.Linq;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;
using Moq;
using Xunit;

namespace Bodycam.Firmware.Tests.StateMachine;

public class DeviceCoreTests
{
    private readonly DeviceHarness _h = new DeviceHarness();

    [Fact]
    public void Boot_Provisioned_EntersStandbyWithCameraReadyCueAndGreenStatus()
    {
        DeviceCore core = _h.Boot();

        Assert.Equal(DeviceState.Standby, core.State);
        Assert.Equal(new[] { DeviceState.Booting, DeviceState.Standby }, _h.States);
        Assert.True(_h.Camera.Running);
        Assert.Equal(new[] { Cue.Ready }, _h.Cues.Played);
        Assert.Equal(LedPattern.Off, _h.Cues.Leds[Led.Recording]);
        Assert.Equal(LedPattern.On, _h.Cues.Leds[Led.Status]);
        Assert.Equal(FaultReason.None, core.Fault);
        Assert.Empty(_h.Audit.Events);
    }

    [Fact]
    public void Boot_Twice_Throws()
    {
        DeviceCore core = _h.Boot();

        Assert.Throws<InvalidOperationException>(() => core.Boot(false));
    }

    [Fact]
    public void Constructor_MissingPart_ThrowsNamingIt()
    {
        _h.Hardware.Battery = null;

        var ex = Assert.Throws<ArgumentException>(() => new DeviceCore(_h.Configuration, _h.Hardware));

        Assert.Contains("Battery", ex.Message);
    }

    [Fact]
    public void DoublePress_InStandby_StartsRecordingWithCueAuditAndBlinkingRedLed()
    {
        _h.Boot();
        _h.Advance(500);
        long secondPress = _h.Clock.Now + 80 + 150;

        _h.DoublePress();

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Equal("rec-1", _h.Device.CurrentRecordingId);
        Assert.Single(_h.Sink.Begins);
        Assert.Equal(secondPress, _h.Sink.Begins[0].Monotonic);
        Assert.True(_h.Sink.Begins[0].ClockSet);
        Assert.Equal(1, _h.Cues.Count(Cue.RecordingStarted));
        Assert.Equal(LedPattern.BlinkSlow, _h.Cues.Leds[Led.Recording]);
        Assert.Equal((AuditEventType.RecordingStarted, _h.Sink.Begins[0].Unix, "rec-1"), _h.Audit.Events.Single());
        Assert.Equal(AuditTimeBase.Utc, _h.Audit.TimeBases.Single());
    }

    [Fact]
    public void SinglePress_InStandby_StartsNothing()
    {
        _h.Boot();

        _h.Press(100);
        _h.Advance(2000);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Empty(_h.Sink.Begins);
        Assert.Empty(_h.Audit.Events);
    }

    [Fact]
    public void HoldInStandby_StartsNothing()
    {
        _h.Boot();

        _h.Press(3500);
        _h.Advance(1000);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Empty(_h.Sink.Begins);
    }

    [Fact]
    public void DoublePress_WithBounceNoise_StartsOnce()
    {
        _h.Boot();
        for (int press = 0; press < 2; press++)
        {
            // Each transition bounces three times within 6 ms (below the 30 ms debounce).
            _h.Edge(true);
            _h.Device.EnqueueButtonEdge(false, _h.Clock.Now + 2);
            _h.Device.EnqueueButtonEdge(true, _h.Clock.Now + 4);
            _h.Advance(90);
            _h.Edge(false);
            _h.Device.EnqueueButtonEdge(true, _h.Clock.Now + 1);
            _h.Device.EnqueueButtonEdge(false, _h.Clock.Now + 5);
            _h.Advance(120);
        }

        _h.Advance(2000);

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Single(_h.Sink.Begins);
        Assert.Empty(_h.Sink.Markers);
    }

    [Fact]
    public void HoldThreeSeconds_WhileRecording_StopsWithStopCueAuditAndDarkRedLed()
    {
        StartRecording();
        _h.Edge(true);
        long pressAt = _h.Clock.Now;

        _h.Advance(3000);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Equal(pressAt + 3000, _h.Sink.Ends.Single());
        Assert.Equal(1, _h.Cues.Count(Cue.RecordingStopped));
        Assert.Equal(LedPattern.Off, _h.Cues.Leds[Led.Recording]);
        Assert.Equal(AuditEventType.RecordingStopped, _h.Audit.Events.Last().Type);
        Assert.Equal("rec-1", _h.Audit.Events.Last().Subject);
        Assert.Equal(string.Empty, _h.Device.CurrentRecordingId);
        Assert.Contains(DeviceState.Finalizing, _h.States);

        _h.Edge(false);
        _h.Advance(2000);
        Assert.Empty(_h.Sink.Markers);
    }

    [Fact]
    public void HoldReleasedAt2900_WhileRecording_KeepsRecordingWithoutMarker()
    {
        StartRecording();

        _h.Press(2900);
        _h.Advance(5000);

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Empty(_h.Sink.Ends);
        Assert.Empty(_h.Sink.Markers);
    }

    [Fact]
    public void SinglePress_WhileRecording_DropsMarkerAtPressTime()
    {
        StartRecording();
        long pressAt = _h.Clock.Now;

        _h.Press(100);
        _h.Advance(1000);

        Assert.Equal(pressAt, _h.Sink.Markers.Single());
        Assert.Equal((AuditEventType.Marker, pressAt - _h.Sink.Begins[0].Monotonic, "rec-1"), _h.Audit.Events.Last());
        Assert.Equal(AuditTimeBase.SinceRecordingStart, _h.Audit.TimeBases.Last());
        Assert.Equal(1, _h.Cues.Count(Cue.Marker));
        Assert.Equal(DeviceState.Recording, _h.Device.State);
    }

    [Fact]
    public void DoublePress_WhileRecording_DropsOneMarkerAndKeepsRecording()
    {
        StartRecording();

        _h.DoublePress();

        Assert.Single(_h.Sink.Markers);
        Assert.Single(_h.Sink.Begins);
        Assert.Equal(DeviceState.Recording, _h.Device.State);
    }

    [Fact]
    public void Recording_WithPreRecord_StartsAtFirstKeyFrameInsideWindowWithoutGapOrReorder()
    {
        _h.Boot();
        _h.AdvanceWithVideo(5000);
        long trigger = _h.Clock.Now + 230;

        // Start while frames keep coming, then record 3 s more and stop.
        _h.Edge(true);
        _h.AdvanceWithVideo(80);
        _h.Edge(false);
        _h.AdvanceWithVideo(150);
        _h.Edge(true);
        _h.AdvanceWithVideo(80);
        _h.Edge(false);
        _h.AdvanceWithVideo(3000);
        _h.Edge(true);

        // The stop, then more than a group of pictures: the ring buffers again from the next key frame.
        _h.AdvanceWithVideo(4200);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        var frames = _h.Sink.Frames;
        Assert.True(frames[0].KeyFrame);
        long cutoff = trigger - _h.Configuration.PreRecordWindowMilliseconds;

        // The window is a maximum: the first key frame inside it (one every second), never one before it.
        Assert.True(frames[0].Timestamp >= cutoff);
        Assert.True(frames[0].Timestamp < cutoff + 1000 + 100);
        Assert.Equal(trigger, _h.Sink.Begins[0].Monotonic);
        Assert.Equal(frames[0].Timestamp, _h.Sink.Starts[0]);
        Assert.Equal(1, _h.Camera.KeyFrameRequests);

        // Frame numbers are written into the first bytes: consecutive means no gap and no reordering.
        int first = BitConverter.ToInt32(frames[0].Data, 0);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(first + i, BitConverter.ToInt32(frames[i].Data, 0));
        }

        Assert.True(frames.Last().Timestamp >= trigger + 3000);
        Assert.Equal(0, _h.Device.PreRecord.LostWhileDrainingCount);
        Assert.True(_h.Device.PreRecord.Count > 0, "buffering resumes in standby");
    }

    [Fact]
    public void Recording_WindowZero_KeepsNothingStartsAtThePressAndAsksForAKeyFrame()
    {
        DeviceConfiguration configuration = DeviceHarness.SmallConfiguration();
        configuration.PreRecordWindowMilliseconds = 0;
        var h = new DeviceHarness(configuration);
        h.Boot();
        h.AdvanceWithVideo(3000);
        Assert.Equal(0, h.Device.PreRecord.Count);
        Assert.Equal(0, h.Device.PreRecord.ArenaBytes);
        long trigger = h.Clock.Now + 230;

        h.Edge(true);
        h.AdvanceWithVideo(80);
        h.Edge(false);
        h.AdvanceWithVideo(150);
        h.Edge(true);
        h.AdvanceWithVideo(80);
        h.Edge(false);
        h.AdvanceWithVideo(2000);

        Assert.Equal(DeviceState.Recording, h.Device.State);
        Assert.Equal(trigger, h.Sink.Begins[0].Monotonic);
        Assert.Equal(trigger, h.Sink.Starts[0]);
        Assert.Equal(1, h.Camera.KeyFrameRequests);
        Assert.True(h.Sink.Frames[0].KeyFrame);
        Assert.All(h.Sink.Frames, f => Assert.True(f.Timestamp >= trigger));
    }

    [Fact]
    public void Construct_WindowShorterThanCameraKeyFrameInterval_ThrowsNamingBoth()
    {
        DeviceConfiguration configuration = DeviceHarness.SmallConfiguration();
        configuration.CameraKeyFrameIntervalMilliseconds = 3000;

        var ex = Assert.Throws<ConfigurationException>(() => new DeviceHarness(configuration).Boot());

        Assert.Equal("PreRecordWindowMilliseconds", ex.Field);
        Assert.Equal("CameraKeyFrameIntervalMilliseconds", ex.OtherField);
    }

    [Fact]
    public void Recording_SlowDrain_LiveFramesQueueBehindPreRecord()
    {
        DeviceConfiguration configuration = DeviceHarness.SmallConfiguration();
        configuration.PreRecordDrainFramesPerCall = 1;
        var h = new DeviceHarness(configuration);
        h.Boot();
        h.AdvanceWithVideo(3000);
        h.Edge(true);
        h.AdvanceWithVideo(80);
        h.Edge(false);
        h.AdvanceWithVideo(150);
        h.Edge(true);
        h.AdvanceWithVideo(80);
        h.Edge(false);

        h.AdvanceWithVideo(200);
        Assert.True(h.Device.PreRecord.IsDraining);
        Assert.True(h.Device.NextDeadlineMilliseconds <= h.Clock.Now);
        h.AdvanceWithVideo(3000);

        Assert.False(h.Device.PreRecord.IsDraining);
        int first = BitConverter.ToInt32(h.Sink.Frames[0].Data, 0);
        for (int i = 0; i < h.Sink.Frames.Count; i++)
        {
            Assert.Equal(first + i, BitConverter.ToInt32(h.Sink.Frames[i].Data, 0));
        }
    }

    [Fact]
    public void Marker_WhilePreRecordDrains_FollowsTheDrainedFrames()
    {
        DeviceConfiguration configuration = DeviceHarness.SmallConfiguration();
        configuration.PreRecordDrainFramesPerCall = 1;
        configuration.PreRecordWindowMilliseconds = 10000;
        var h = new DeviceHarness(configuration);
        h.Boot();
        h.AdvanceWithVideo(12000);
        h.DoublePress();
        h.Press(100);
        Assert.True(h.Device.PreRecord.IsDraining);
        int framesBefore = h.Sink.Frames.Count;

        h.Advance(1000);

        Assert.Single(h.Sink.Markers);
        Assert.False(h.Device.PreRecord.IsDraining);
        Assert.True(h.Sink.Frames.Count > framesBefore);
        Assert.True(h.Sink.Frames.Last().Timestamp <= h.Sink.Markers[0]);
    }

    [Fact]
    public void Recording_AudioExcludedFromPreRecordButRecordedLive()
    {
        _h.Boot();
        byte[] audio = new byte[64];
        byte[] video = new byte[128];
        _h.Device.OnFrame(FrameKind.Video, true, _h.Clock.Now, video, 0, video.Length);
        _h.Device.OnFrame(FrameKind.Audio, false, _h.Clock.Now, audio, 0, audio.Length);
        Assert.Equal(1, _h.Device.PreRecord.Count);

        StartRecordingNow();
        _h.Device.OnFrame(FrameKind.Audio, false, _h.Clock.Now, audio, 0, audio.Length);

        Assert.Equal(new[] { FrameKind.Video, FrameKind.Audio }, _h.Sink.Frames.Select(f => f.Kind));
    }

    [Fact]
    public void Recording_NoKeyFrameInPreRecord_SkipsLiveDeltasUntilKeyFrame()
    {
        _h.Boot();
        StartRecordingNow();
        byte[] frame = new byte[32];

        _h.Device.OnFrame(FrameKind.Video, false, _h.Clock.Now, frame, 0, frame.Length);
        _h.Device.OnFrame(FrameKind.Audio, false, _h.Clock.Now, frame, 0, frame.Length);
        _h.Device.OnFrame(FrameKind.Video, true, _h.Clock.Now, frame, 0, frame.Length);
        _h.Device.OnFrame(FrameKind.Video, false, _h.Clock.Now, frame, 0, frame.Length);

        Assert.Equal(1, _h.Device.FramesSkippedBeforeKeyFrame);
        Assert.Equal(3, _h.Sink.Frames.Count);
        Assert.True(_h.Sink.Frames[1].KeyFrame);
    }

    [Fact]
    public void StorageFull_AtTrigger_StaysInStandbyWithThreeBeepsAndKeepsBuffering()
    {
        _h.Boot();
        _h.AdvanceWithVideo(3000);
        long needed = _h.Device.PreRecord.BytesUsed + _h.Configuration.StorageReserveBytes;
        _h.Sink.AvailableBytes = needed / 2;

        _h.DoublePress();

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Equal(FaultReason.StorageFull, _h.Device.Fault);
        Assert.Empty(_h.Sink.Begins);
        Assert.Equal(1, _h.Cues.Count(Cue.StorageFull));
        Assert.Equal(LedPattern.Amber, _h.Cues.Leds[Led.Status]);
        _h.AdvanceWithVideo(500);
        Assert.True(_h.Device.PreRecord.Count > 0);

        // Room again (offloaded elsewhere): the next double press records and the warning clears.
        _h.Sink.AvailableBytes = long.MaxValue;
        _h.DoublePress();
        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Equal(FaultReason.None, _h.Device.Fault);
    }

    [Fact]
    public void StorageFull_DuringRecording_ClosesRecordingAndFaults()
    {
        StartRecording();
        byte[] frame = new byte[32];
        _h.Device.OnFrame(FrameKind.Video, true, _h.Clock.Now, frame, 0, frame.Length);
        _h.Sink.FailNextAppend = StorageError.Full;

        _h.Device.OnFrame(FrameKind.Video, false, _h.Clock.Now, frame, 0, frame.Length);

        Assert.Equal(DeviceState.Fault, _h.Device.State);
        Assert.Equal(FaultReason.StorageFull, _h.Device.Fault);
        Assert.Single(_h.Sink.Ends);
        Assert.Single(_h.Sink.Frames);
        Assert.False(_h.Camera.Running);
        Assert.True(_h.Device.PreRecord.IsArenaZeroed());
        Assert.Equal((AuditEventType.Fault, _h.Clock.Now - _h.Sink.Begins[0].Monotonic, "storage-full;recording=rec-1"), _h.Audit.Events.Last());
        Assert.Equal(AuditTimeBase.SinceRecordingStart, _h.Audit.TimeBases.Last());
        Assert.Equal(AuditEventType.RecordingStopped, _h.Audit.Events[^2].Type);
        Assert.Equal(Cue.StorageFull, _h.Cues.Played.Last());
    }

    [Fact]
    public void StorageIoError_DuringRecording_FaultsStorageError()
    {
        StartRecording();
        _h.Sink.FailNextAppend = StorageError.IoError;

        _h.Device.OnFrame(FrameKind.Video, true, _h.Clock.Now, new byte[8], 0, 8);

        Assert.Equal(FaultReason.StorageError, _h.Device.Fault);
        Assert.Equal(Cue.Fault, _h.Cues.Played.Last());
    }

    [Fact]
    public void StorageError_AtBegin_FaultsStorageError()
    {
        _h.Boot();
        _h.Sink.FailBegin = StorageError.IoError;

        _h.DoublePress();

        Assert.Equal(DeviceState.Fault, _h.Device.State);
        Assert.Equal(FaultReason.StorageError, _h.Device.Fault);
    }

    [Fact]
    public void BatteryCritical_MidRecording_FinalizesFirstThenFaults()
    {
        StartRecording();
        _h.Battery.Percent = 4;

        _h.Advance(_h.Configuration.BatteryCheckIntervalMilliseconds);

        Assert.Equal(DeviceState.Fault, _h.Device.State);
        Assert.Equal(FaultReason.BatteryCritical, _h.Device.Fault);
        Assert.Single(_h.Sink.Ends);
        Assert.Equal(
            new[] { DeviceState.Recording, DeviceState.Finalizing, DeviceState.Fault },
            _h.States.Skip(2));
        Assert.Equal(
            new[] { AuditEventType.RecordingStarted, AuditEventType.RecordingStopped, AuditEventType.Fault },
            _h.Audit.Events.Select(e => e.Type));
        long elapsed = _h.Sink.Ends.Single() - _h.Sink.Begins.Single().Monotonic;
        Assert.Equal((AuditEventType.RecordingStopped, elapsed, "rec-1"), _h.Audit.Events[1]);
        Assert.Equal((AuditEventType.Fault, elapsed, "battery-critical;recording=rec-1"), _h.Audit.Events[2]);
        Assert.Equal([AuditTimeBase.Utc, AuditTimeBase.SinceRecordingStart, AuditTimeBase.SinceRecordingStart], _h.Audit.TimeBases);
        Assert.False(_h.Camera.Running);
    }

    [Fact]
    public void BatteryCritical_InStandby_IsNotAudited()
    {
        // Works-council rule (docs/audit-trail.md): outside a recording a battery fault is no evidence; it would only
        // show how long the wearer used the camera.
        _h.Boot();
        _h.Battery.Percent = 3;

        _h.Advance(_h.Configuration.BatteryCheckIntervalMilliseconds);

        Assert.Equal(FaultReason.BatteryCritical, _h.Device.Fault);
        Assert.Empty(_h.Audit.Events);
    }

    [Fact]
    public void BatteryCritical_AtBoot_IsNotAudited()
    {
        _h.Battery.Percent = 3;

        _h.Boot();

        Assert.Equal(FaultReason.BatteryCritical, _h.Device.Fault);
        Assert.Empty(_h.Audit.Events);
    }

    [Fact]
    public void BatteryCritical_RightAfterTheWearerStopped_IsNotAudited()
    {
        // The hold closed the recording, not the battery: the fault that follows is outside the recording.
        StartRecording();
        _h.Battery.Percent = 3;

        _h.Edge(true);
        _h.Advance(3000);

        Assert.Equal(FaultReason.BatteryCritical, _h.Device.Fault);
        Assert.Equal([AuditEventType.RecordingStarted, AuditEventType.RecordingStopped], _h.Audit.Events.Select(e => e.Type));
    }

    [Fact]
    public void BatteryCritical_Recovers_ReturnsToStandby()
    {
        _h.Boot();
        _h.Battery.Percent = 3;
        _h.Advance(_h.Configuration.BatteryCheckIntervalMilliseconds);
        Assert.Equal(FaultReason.BatteryCritical, _h.Device.Fault);

        _h.Battery.Percent = 8;
        _h.Advance(_h.Configuration.BatteryCheckIntervalMilliseconds);
        Assert.Equal(DeviceState.Fault, _h.Device.State);

        _h.Battery.Percent = 40;
        _h.Advance(_h.Configuration.BatteryCheckIntervalMilliseconds);
        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.True(_h.Camera.Running);
    }

    [Fact]
    public void Docking_MidRecording_RefusedUntilStopThenDocks()
    {
        StartRecording();

        _h.Dock(true);

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Equal(1, _h.Cues.Count(Cue.Refused));

        _h.Edge(true);
        _h.Advance(3100);

        Assert.Equal(DeviceState.Docked, _h.Device.State);
        Assert.Single(_h.Sink.Ends);
        Assert.False(_h.Camera.Running);
        Assert.True(_h.Device.PreRecord.IsArenaZeroed());
        Assert.Equal(LedPattern.Breathe, _h.Cues.Leds[Led.Status]);
    }

    [Fact]
    public void Docking_InStandby_WipesPreRecordAndStopsCamera_UndockReturnsToStandby()
    {
        _h.Boot();
        _h.AdvanceWithVideo(1000);
        Assert.False(_h.Device.PreRecord.IsArenaZeroed());

        _h.Dock(true);

        Assert.Equal(DeviceState.Docked, _h.Device.State);
        Assert.True(_h.Device.PreRecord.IsArenaZeroed());
        Assert.False(_h.Camera.Running);

        _h.DoublePress();
        Assert.Equal(DeviceState.Docked, _h.Device.State);

        _h.Dock(false);
        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.True(_h.Camera.Running);
    }

    [Fact]
    public void NotProvisioned_BlocksRecordingWithFaultCue()
    {
        _h.Provisioning.IsProvisioned = false;
        _h.Boot();

        Assert.Equal(DeviceState.Fault, _h.Device.State);
        Assert.Equal(FaultReason.NotProvisioned, _h.Device.Fault);
        Assert.False(_h.Camera.Running);

        _h.DoublePress();

        Assert.Empty(_h.Sink.Begins);
        Assert.Equal(2, _h.Cues.Count(Cue.Fault));
        Assert.Empty(_h.Audit.Events);
        Assert.Equal(LedPattern.AmberBlink, _h.Cues.Leds[Led.Status]);
    }

    [Fact]
    public void NotProvisioned_ThenProvisionedInDock_UndocksToStandby()
    {
        _h.Provisioning.IsProvisioned = false;
        _h.Boot();
        _h.Dock(true);
        Assert.Equal(DeviceState.Docked, _h.Device.State);

        _h.Provisioning.IsProvisioned = true;
        _h.Dock(false);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
    }

    [Fact]
    public void ClockNotSet_RecordsAnywayWithRepeatedFiveBeeps()
    {
        _h.RealTimeClock.IsSet = false;
        _h.Boot();

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Equal(FaultReason.ClockNotSet, _h.Device.Fault);
        Assert.Equal(1, _h.Cues.Count(Cue.ClockNotSet));
        Assert.Equal(LedPattern.Amber, _h.Cues.Leds[Led.Status]);

        _h.DoublePress();

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.False(_h.Sink.Begins.Single().ClockSet);

        _h.Advance(_h.Configuration.ClockNotSetCueIntervalMilliseconds);
        Assert.Equal(2, _h.Cues.Count(Cue.ClockNotSet));

        _h.RealTimeClock.IsSet = true;
        _h.Advance(_h.Configuration.ClockNotSetCueIntervalMilliseconds * 2);
        Assert.Equal(2, _h.Cues.Count(Cue.ClockNotSet));
        Assert.Equal(FaultReason.None, _h.Device.Fault);
    }

    [Fact]
    public void ClockLostInStandby_StartsTheRepeatingCue()
    {
        _h.Boot();

        _h.RealTimeClock.IsSet = false;
        _h.Advance(20);

        Assert.Equal(FaultReason.ClockNotSet, _h.Device.Fault);
        Assert.Equal(1, _h.Cues.Count(Cue.ClockNotSet));

        _h.Advance(_h.Configuration.ClockNotSetCueIntervalMilliseconds);
        Assert.Equal(2, _h.Cues.Count(Cue.ClockNotSet));
    }

    [Fact]
    public void HeldAtBoot_IgnoredUntilReleased()
    {
        _h.Boot(heldAtBoot: true);
        _h.Advance(4000);
        _h.Edge(false);
        _h.Advance(1000);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Empty(_h.Sink.Begins);

        _h.DoublePress();
        Assert.Equal(DeviceState.Recording, _h.Device.State);
    }

    [Fact]
    public void StuckButton_InStandby_FaultsAndClearsOnRelease()
    {
        _h.Boot();
        _h.Edge(true);

        _h.Advance(_h.Configuration.StuckButtonMilliseconds + 50);

        Assert.Equal(DeviceState.Fault, _h.Device.State);
        Assert.Equal(FaultReason.ButtonStuck, _h.Device.Fault);
        Assert.Equal((AuditEventType.Fault, 0L, "button-stuck"), _h.Audit.Events.Single());
        Assert.Equal(AuditTimeBase.None, _h.Audit.TimeBases.Single());

        _h.Edge(false);
        _h.Advance(100);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.False(_h.Device.IsButtonStuck);
    }

    [Fact]
    public void StuckButton_HeldAtBoot_Faults()
    {
        _h.Boot(heldAtBoot: true);

        _h.Advance(_h.Configuration.StuckButtonMilliseconds + 50);

        Assert.Equal(FaultReason.ButtonStuck, _h.Device.Fault);
    }

    [Fact]
    public void StuckButton_WhileRecording_KeepsRecordingThenFaultsAfterStop()
    {
        StartRecording();

        // The second press of a double press is held: no stop hold, so it ends up stuck.
        _h.Press(80);
        _h.Advance(150);
        _h.Edge(true);
        _h.Advance(_h.Configuration.StuckButtonMilliseconds + 50);

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.True(_h.Device.IsButtonStuck);

        _h.Device.PowerDown();
        Assert.Single(_h.Sink.Ends);
    }

    [Fact]
    public void Reminder_WhileRecording_EveryInterval()
    {
        StartRecording();

        _h.Advance((2 * _h.Configuration.ReminderIntervalMilliseconds) + 100);

        Assert.Equal(2, _h.Cues.Count(Cue.Reminder));
    }

    [Fact]
    public void FaultCue_RepeatsWhileInFault()
    {
        _h.Provisioning.IsProvisioned = false;
        _h.Boot();

        _h.Advance((3 * _h.Configuration.FaultCueIntervalMilliseconds) + 10);

        Assert.Equal(4, _h.Cues.Count(Cue.Fault));
    }

    [Fact]
    public void PowerDown_WhileRecording_FinalizesWipesAndGoesDark()
    {
        StartRecording();
        _h.AdvanceWithVideo(500);

        _h.Device.PowerDown();

        Assert.Equal(DeviceState.Off, _h.Device.State);
        Assert.Single(_h.Sink.Ends);
        Assert.True(_h.Device.PreRecord.IsArenaZeroed());
        Assert.False(_h.Camera.Running);
        Assert.Equal(LedPattern.Off, _h.Cues.Leds[Led.Recording]);
        Assert.Equal(LedPattern.Off, _h.Cues.Leds[Led.Status]);
        Assert.Equal(long.MaxValue, _h.Device.NextDeadlineMilliseconds);
    }

    [Fact]
    public void NextDeadline_JumpingStraightToIt_StopsExactlyAtTheHold()
    {
        StartRecording();
        _h.Edge(true);
        long pressAt = _h.Clock.Now;

        // Jump from deadline to deadline, as a simulator would.
        for (int i = 0; i < 10 && _h.Device.State == DeviceState.Recording; i++)
        {
            _h.Clock.Now = Math.Max(_h.Clock.Now, _h.Device.NextDeadlineMilliseconds);
            _h.Device.Poll();
        }

        Assert.Equal(pressAt + 3000, _h.Sink.Ends.Single());
    }

    [Fact]
    public void NextDeadline_InIdleStandby_IsTheBatteryCheck()
    {
        _h.Boot();
        _h.Device.Poll();

        Assert.Equal(1000 + _h.Configuration.BatteryCheckIntervalMilliseconds, _h.Device.NextDeadlineMilliseconds);

        _h.Edge(true);
        Assert.Equal(_h.Clock.Now, _h.Device.NextDeadlineMilliseconds);
    }

    [Fact]
    public void OnFrame_InStandbyAndRecording_AllocatesNothing()
    {
        DeviceConfiguration configuration = DeviceHarness.SmallConfiguration();
        var h = new DeviceHarness(configuration);
        h.Hardware.Recordings = new CountingSink();
        h.Boot();
        byte[] key = new byte[5000];
        byte[] delta = new byte[1000];
        Feed(h.Device, 0, 300, key, delta);

        long standby = FewestAllocated(h.Device, 300, 3000, key, delta);

        h.DoublePress();
        Assert.Equal(DeviceState.Recording, h.Device.State);
        Feed(h.Device, 3000, 3300, key, delta);
        long recording = FewestAllocated(h.Device, 3300, 6000, key, delta);

        Assert.Equal(0, standby);
        Assert.Equal(0, recording);
    }

    // The fewest bytes allocated over three equal windows of [from, to): code that allocates per frame shows in every
    // window, the runtime's one-off recompilation of a method (tiered JIT) in one.
    private static long FewestAllocated(DeviceCore device, int from, int to, byte[] key, byte[] delta)
    {
        long fewest = long.MaxValue;
        int step = (to - from) / 3;
        for (int start = from; start < from + (3 * step); start += step)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Feed(device, start, start + step, key, delta);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Feed(device, from + (3 * step), to, key, delta);
        return fewest;
    }

    [Fact]
    public void Marker_StrictSinkMock_CallsExactlyBeginMarkerEnd()
    {
        var sink = new Mock<IRecordingSink>(MockBehavior.Strict);
        var sequence = new MockSequence();
        sink.InSequence(sequence).Setup(s => s.ReadAvailableBytes()).Returns(1L << 30);
        sink.InSequence(sequence).Setup(s => s.Begin(1230, 1230, 1_790_000_000_000 - 30, true)).Returns("r7");
        sink.InSequence(sequence).Setup(s => s.AddMarker(It.IsAny<long>()));
        sink.InSequence(sequence).Setup(s => s.End(It.IsAny<long>()));
        _h.Hardware.Recordings = sink.Object;
        _h.Boot();

        _h.DoublePress();
        _h.Press(100);
        _h.Advance(1000);
        _h.Edge(true);
        _h.Advance(3000);

        sink.Verify(s => s.AddMarker(It.IsAny<long>()), Times.Once());
        sink.Verify(s => s.End(It.IsAny<long>()), Times.Once());
        Assert.Equal(DeviceState.Standby, _h.Device.State);
    }

    [Fact]
    public void Camera_StrictMock_StartedAtBootStoppedWhenDocked()
    {
        var camera = new Mock<ICamera>(MockBehavior.Strict);
        var sequence = new MockSequence();
        camera.InSequence(sequence).Setup(c => c.Start());
        camera.InSequence(sequence).Setup(c => c.Stop());
        _h.Hardware.Camera = camera.Object;
        _h.Boot();

        _h.Dock(true);

        camera.Verify(c => c.Start(), Times.Once());
        camera.Verify(c => c.Stop(), Times.Once());
    }

    [Fact]
    public void Audit_FailingTrail_DoesNotStopRecordingAndIsCounted()
    {
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        audit.Setup(a => a.Append(It.IsAny<AuditEventType>(), It.IsAny<AuditTimeBase>(), It.IsAny<long>(), It.IsAny<string>()))
            .Throws(new StorageException(StorageError.IoError, "trail"));
        _h.Hardware.Audit = audit.Object;
        _h.Boot();

        _h.DoublePress();

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Equal(1, _h.Device.AuditFailureCount);
    }

    [Fact]
    public void InputQueue_Flooded_DropsAndCounts()
    {
        _h.Boot();

        for (int i = 0; i < 300; i++)
        {
            _h.Device.EnqueueButtonEdge(i % 2 == 0, _h.Clock.Now);
        }

        Assert.Equal(300 - 256, _h.Device.DroppedInputCount);
    }

    private static void Feed(DeviceCore core, int from, int to, byte[] key, byte[] delta)
    {
        for (int i = from; i < to; i++)
        {
            bool isKey = i % 30 == 0;
            byte[] data = isKey ? key : delta;
            core.OnFrame(FrameKind.Video, isKey, 1000 + (i * 33L), data, 0, data.Length);
        }
    }

    private void StartRecording()
    {
        _h.Boot();
        _h.Advance(200);
        _h.DoublePress();
        Assert.Equal(DeviceState.Recording, _h.Device.State);
    }

    private void StartRecordingNow()
    {
        _h.DoublePress();
        Assert.Equal(DeviceState.Recording, _h.Device.State);
    }

    private sealed class CountingSink : IRecordingSink
    {
        public bool IsOpen { get; private set; }

        public long Bytes { get; private set; }

        public long ReadAvailableBytes() => long.MaxValue;

        public string Begin(long startMonotonicMilliseconds, long pressMonotonicMs, long unixMilliseconds, bool clockSet)
        {
            IsOpen = true;
            return "rec";
        }

        public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count) =>
            Bytes += count;

        public void AddMarker(long timestampMilliseconds)
        {
        }

        public void End(long monotonicMilliseconds) => IsOpen = false;
    }
}
