using Bodycam.Firmware.Checks.Areas;
using Xunit;

namespace Bodycam.Firmware.Tests.Checks;

/// <summary>
/// The shared firmware checks (firmware/Bodycam.Firmware.Checks) on net10.0; the NFUnitTest suite runs the same checks on
/// nanoCLR (firmware/Bodycam.Firmware.NanoTests).
/// </summary>
public class SharedChecksTests
{
    [Fact]
    public void Audit_ReopenKeepsTheChain()
    {
        AuditChecks.ReopenKeepsTheChain();
    }

    [Fact]
    public void Audit_TornRecordCutAndDamageReported()
    {
        AuditChecks.TornRecordCutAndDamageReported();
    }

    [Fact]
    public void Audit_NoUsageLog()
    {
        AuditChecks.NoUsageLog();
    }

    [Fact]
    public void Audit_RecordsCarryNoPowerOnTime()
    {
        AuditChecks.RecordsCarryNoPowerOnTime();
    }

    [Fact]
    public void Audit_BatteryFaultAuditedOnlyInRecording()
    {
        AuditChecks.BatteryFaultAuditedOnlyInRecording();
    }

    [Fact]
    public void Button_DoublePressInsideWindow()
    {
        ButtonChecks.DoublePressInsideWindow();
    }

    [Fact]
    public void Button_SinglePressAfterWindow()
    {
        ButtonChecks.SinglePressAfterWindow();
    }

    [Fact]
    public void Button_GlitchIgnored()
    {
        ButtonChecks.GlitchIgnored();
    }

    [Fact]
    public void Button_HoldAtThreeSeconds()
    {
        ButtonChecks.HoldAtThreeSeconds();
    }

    [Fact]
    public void Button_TriplePressStartsNewSequence()
    {
        ButtonChecks.TriplePressStartsNewSequence();
    }

    [Fact]
    public void Button_HeldAtBoot()
    {
        ButtonChecks.HeldAtBoot();
    }

    [Fact]
    public void Button_StuckAndReleased()
    {
        ButtonChecks.StuckAndReleased();
    }

    [Fact]
    public void Button_InvalidCombinationRefused()
    {
        ButtonChecks.InvalidCombinationRefused();
    }

    [Fact]
    public void Configuration_DefaultsValid()
    {
        ConfigurationChecks.DefaultsValid();
    }

    [Fact]
    public void Configuration_WindowAboveMaximumRefused()
    {
        ConfigurationChecks.WindowAboveMaximumRefused();
    }

    [Fact]
    public void Configuration_ArenaOutOfRangeRefused()
    {
        ConfigurationChecks.ArenaOutOfRangeRefused();
    }

    [Fact]
    public void Configuration_DependentRuleChecked()
    {
        ConfigurationChecks.DependentRuleChecked();
    }

    [Fact]
    public void Configuration_CopySettingsKeepsTheBudget()
    {
        ConfigurationChecks.CopySettingsKeepsTheBudget();
    }

    [Fact]
    public void Cue_LedsFollowTheState()
    {
        CueChecks.LedsFollowTheState();
    }

    [Fact]
    public void Cue_RepeatingCueRepeats()
    {
        CueChecks.RepeatingCueRepeats();
    }

    [Fact]
    public void Dock_FramingAndCrc()
    {
        DockChecks.FramingAndCrc();
    }

    [Fact]
    public void Dock_SequenceAndUnknownCommand()
    {
        DockChecks.SequenceAndUnknownCommand();
    }

    [Fact]
    public void Dock_AuthenticationRequiredAndChecked()
    {
        DockChecks.AuthenticationRequiredAndChecked();
    }

    [Fact]
    public void Dock_ConfirmDeletesOnlyOnMatchingHash()
    {
        DockChecks.ConfirmDeletesOnlyOnMatchingHash();
    }

    [Fact]
    public void Dock_ConfirmRecordingChainDeletesOnlyOnMatchingDigest()
    {
        DockChecks.ConfirmRecordingChainDeletesOnlyOnMatchingDigest();
    }

    [Fact]
    public void PreRecord_EvictsByAge()
    {
        PreRecordChecks.EvictsByAge();
    }

    [Fact]
    public void PreRecord_EvictsBySpaceAndRefusesOversize()
    {
        PreRecordChecks.EvictsBySpaceAndRefusesOversize();
    }

    [Fact]
    public void PreRecord_DrainStartsAtFirstKeyFrameInsideWindow()
    {
        PreRecordChecks.DrainStartsAtFirstKeyFrameInsideWindow();
    }

    [Fact]
    public void PreRecord_WindowZeroKeepsNothing()
    {
        PreRecordChecks.WindowZeroKeepsNothing();
    }

    [Fact]
    public void PreRecord_AudioExcludedUnlessConfigured()
    {
        PreRecordChecks.AudioExcludedUnlessConfigured();
    }

    [Fact]
    public void PreRecord_ClearZeroesTheArena()
    {
        PreRecordChecks.ClearZeroesTheArena();
    }

    [Fact]
    public void Provisioning_ProvisionPersistsAndResets()
    {
        ProvisioningChecks.ProvisionPersistsAndResets();
    }

    [Fact]
    public void Provisioning_CopyOfAnotherDeviceIgnored()
    {
        ProvisioningChecks.CopyOfAnotherDeviceIgnored();
    }

    [Fact]
    public void Recording_ClosedRecordingListedComplete()
    {
        RecordingChecks.ClosedRecordingListedComplete();
    }

    [Fact]
    public void Recording_PowerCutRecoveredAtBoot()
    {
        RecordingChecks.PowerCutRecoveredAtBoot();
    }

    [Fact]
    public void Recording_ForeignFileAuditedOnceAcrossBoots()
    {
        RecordingChecks.ForeignFileAuditedOnceAcrossBoots();
    }

    [Fact]
    public void Recording_ForeignFileNotRecovered()
    {
        RecordingChecks.ForeignFileNotRecovered();
    }

    [Fact]
    public void Recording_ContinuationPastFileLimit()
    {
        RecordingChecks.ContinuationPastFileLimit();
    }

    [Fact]
    public void StateMachine_BootEntersStandby()
    {
        StateMachineChecks.BootEntersStandby();
    }

    [Fact]
    public void StateMachine_DoublePressStartsRecordingWithPreRecord()
    {
        StateMachineChecks.DoublePressStartsRecordingWithPreRecord();
    }

    [Fact]
    public void StateMachine_MarkerThenHoldStops()
    {
        StateMachineChecks.MarkerThenHoldStops();
    }

    [Fact]
    public void StateMachine_SinglePressInStandbyStartsNothing()
    {
        StateMachineChecks.SinglePressInStandbyStartsNothing();
    }

    [Fact]
    public void StateMachine_NotProvisionedRefuses()
    {
        StateMachineChecks.NotProvisionedRefuses();
    }

    [Fact]
    public void StateMachine_BatteryCriticalFinalizes()
    {
        StateMachineChecks.BatteryCriticalFinalizes();
    }

    [Fact]
    public void StateMachine_ClockNotSetStillRecords()
    {
        StateMachineChecks.ClockNotSetStillRecords();
    }

    [Fact]
    public void StateMachine_DockAndUndock()
    {
        StateMachineChecks.DockAndUndock();
    }

    [Fact]
    public void StateMachine_DockWhileRecordingWaits()
    {
        StateMachineChecks.DockWhileRecordingWaits();
    }

    [Fact]
    public void StateMachine_StorageFullRefusesStart()
    {
        StateMachineChecks.StorageFullRefusesStart();
    }

    [Fact]
    public void StateMachine_StorageErrorWhileRecordingFaults()
    {
        StateMachineChecks.StorageErrorWhileRecordingFaults();
    }

    [Fact]
    public void StateMachine_ReminderRepeats()
    {
        StateMachineChecks.ReminderRepeats();
    }

    [Fact]
    public void StateMachine_ButtonStuckFaultsAndClears()
    {
        StateMachineChecks.ButtonStuckFaultsAndClears();
    }

    [Fact]
    public void StateMachine_PowerDownFinalizes()
    {
        StateMachineChecks.PowerDownFinalizes();
    }

    [Fact]
    public void PreRecord_ArenaChunksFitTheBoardLimit()
    {
        PreRecordChecks.ArenaChunksFitTheBoardLimit();
    }

    [Fact]
    public void PreRecord_ChunkedArenaKeepsFramesIntact()
    {
        PreRecordChecks.ChunkedArenaKeepsFramesIntact();
    }
}
