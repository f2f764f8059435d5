using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;
using Xunit;

namespace Bodycam.Firmware.Tests.StateMachine;

public class StatusLightsTests
{
    [Theory]
    [InlineData(DeviceState.Off)]
    [InlineData(DeviceState.Booting)]
    [InlineData(DeviceState.Standby)]
    [InlineData(DeviceState.Finalizing)]
    [InlineData(DeviceState.Docked)]
    [InlineData(DeviceState.Fault)]
    public void RecordingLed_OutsideRecording_IsOff(DeviceState state)
    {
        Assert.Equal(LedPattern.Off, StatusLights.RecordingLed(state));
    }

    [Fact]
    public void RecordingLed_Recording_Blinks()
    {
        Assert.Equal(LedPattern.BlinkSlow, StatusLights.RecordingLed(DeviceState.Recording));
    }

    [Theory]
    [InlineData(DeviceState.Standby, FaultReason.None, LedPattern.On)]
    [InlineData(DeviceState.Standby, FaultReason.ClockNotSet, LedPattern.Amber)]
    [InlineData(DeviceState.Recording, FaultReason.None, LedPattern.On)]
    [InlineData(DeviceState.Docked, FaultReason.None, LedPattern.Breathe)]
    [InlineData(DeviceState.Fault, FaultReason.StorageError, LedPattern.AmberBlink)]
    [InlineData(DeviceState.Off, FaultReason.None, LedPattern.Off)]
    public void StatusLed_PerState(DeviceState state, FaultReason warning, LedPattern expected)
    {
        Assert.Equal(expected, StatusLights.StatusLed(state, warning));
    }

    [Fact]
    public void FaultCue_StorageFull_IsThreeBeeps_OthersTheFaultTone()
    {
        Assert.Equal(Cue.StorageFull, StatusLights.FaultCue(FaultReason.StorageFull));
        Assert.Equal(Cue.Fault, StatusLights.FaultCue(FaultReason.ButtonStuck));
    }

    [Fact]
    public void FaultName_EveryReason_IsDistinct()
    {
        var names = new System.Collections.Generic.HashSet<string>();
        foreach (FaultReason reason in System.Enum.GetValues<FaultReason>())
        {
            Assert.True(names.Add(StatusLights.FaultName(reason)));
        }
    }
}
