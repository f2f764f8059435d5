using Bodycam.Firmware.Cues;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>LED patterns and cues per state (docs/state-machine.md, "Cues and LEDs").</summary>
public static class CueChecks
{
    /// <summary>The recording LED is on only while recording; a fault shows on the status LED.</summary>
    public static void LedsFollowTheState()
    {
        Check.True(StatusLights.RecordingLed(DeviceState.Recording) != LedPattern.Off, "recording LED while recording");
        Check.True(StatusLights.RecordingLed(DeviceState.Standby) == LedPattern.Off, "recording LED off in standby");
        Check.True(StatusLights.StatusLed(DeviceState.Fault, FaultReason.None) != StatusLights.StatusLed(DeviceState.Standby, FaultReason.None), "fault differs from standby");
        Check.True(StatusLights.FaultCue(FaultReason.StorageFull) == Cue.StorageFull, "storage-full cue");
    }

    /// <summary>A repeating cue plays at its interval and stops when stopped.</summary>
    public static void RepeatingCueRepeats()
    {
        var trace = new Doubles.Trace();
        var cues = new Doubles.CueLog(trace);
        var cue = new RepeatingCue(Cue.Reminder, 1000);
        cue.Start(0);
        cue.Poll(999, cues);
        Check.Equal(0, cues.CueCount, "nothing before the interval");
        cue.Poll(1000, cues);
        cue.Poll(2000, cues);
        Check.Equal(2, cues.CueCount, "two repeats");
        cue.Stop();
        cue.Poll(5000, cues);
        Check.Equal(2, cues.CueCount, "silent after stop");
    }
}
