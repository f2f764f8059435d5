using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>StateMachineChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class StateMachineOnNano
{
    /// <summary>See <see cref="StateMachineChecks.BootEntersStandby"/>.</summary>
    [TestMethod]
    public static void BootEntersStandby()
    {
        StateMachineChecks.BootEntersStandby();
    }

    /// <summary>See <see cref="StateMachineChecks.DoublePressStartsRecordingWithPreRecord"/>.</summary>
    [TestMethod]
    public static void DoublePressStartsRecordingWithPreRecord()
    {
        StateMachineChecks.DoublePressStartsRecordingWithPreRecord();
    }

    /// <summary>See <see cref="StateMachineChecks.MarkerThenHoldStops"/>.</summary>
    [TestMethod]
    public static void MarkerThenHoldStops()
    {
        StateMachineChecks.MarkerThenHoldStops();
    }

    /// <summary>See <see cref="StateMachineChecks.SinglePressInStandbyStartsNothing"/>.</summary>
    [TestMethod]
    public static void SinglePressInStandbyStartsNothing()
    {
        StateMachineChecks.SinglePressInStandbyStartsNothing();
    }

    /// <summary>See <see cref="StateMachineChecks.NotProvisionedRefuses"/>.</summary>
    [TestMethod]
    public static void NotProvisionedRefuses()
    {
        StateMachineChecks.NotProvisionedRefuses();
    }

    /// <summary>See <see cref="StateMachineChecks.BatteryCriticalFinalizes"/>.</summary>
    [TestMethod]
    public static void BatteryCriticalFinalizes()
    {
        StateMachineChecks.BatteryCriticalFinalizes();
    }

    /// <summary>See <see cref="StateMachineChecks.ClockNotSetStillRecords"/>.</summary>
    [TestMethod]
    public static void ClockNotSetStillRecords()
    {
        StateMachineChecks.ClockNotSetStillRecords();
    }

    /// <summary>See <see cref="StateMachineChecks.DockAndUndock"/>.</summary>
    [TestMethod]
    public static void DockAndUndock()
    {
        StateMachineChecks.DockAndUndock();
    }

    /// <summary>See <see cref="StateMachineChecks.DockWhileRecordingWaits"/>.</summary>
    [TestMethod]
    public static void DockWhileRecordingWaits()
    {
        StateMachineChecks.DockWhileRecordingWaits();
    }

    /// <summary>See <see cref="StateMachineChecks.StorageFullRefusesStart"/>.</summary>
    [TestMethod]
    public static void StorageFullRefusesStart()
    {
        StateMachineChecks.StorageFullRefusesStart();
    }

    /// <summary>See <see cref="StateMachineChecks.StorageErrorWhileRecordingFaults"/>.</summary>
    [TestMethod]
    public static void StorageErrorWhileRecordingFaults()
    {
        StateMachineChecks.StorageErrorWhileRecordingFaults();
    }

    /// <summary>See <see cref="StateMachineChecks.ReminderRepeats"/>.</summary>
    [TestMethod]
    public static void ReminderRepeats()
    {
        StateMachineChecks.ReminderRepeats();
    }

    /// <summary>See <see cref="StateMachineChecks.ButtonStuckFaultsAndClears"/>.</summary>
    [TestMethod]
    public static void ButtonStuckFaultsAndClears()
    {
        StateMachineChecks.ButtonStuckFaultsAndClears();
    }

    /// <summary>See <see cref="StateMachineChecks.PowerDownFinalizes"/>.</summary>
    [TestMethod]
    public static void PowerDownFinalizes()
    {
        StateMachineChecks.PowerDownFinalizes();
    }
}
