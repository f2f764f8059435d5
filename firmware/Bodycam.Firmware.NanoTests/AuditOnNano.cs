using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>AuditChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class AuditOnNano
{
    /// <summary>See <see cref="AuditChecks.ReopenKeepsTheChain"/>.</summary>
    [TestMethod]
    public static void ReopenKeepsTheChain()
    {
        AuditChecks.ReopenKeepsTheChain();
    }

    /// <summary>See <see cref="AuditChecks.TornRecordCutAndDamageReported"/>.</summary>
    [TestMethod]
    public static void TornRecordCutAndDamageReported()
    {
        AuditChecks.TornRecordCutAndDamageReported();
    }

    /// <summary>See <see cref="AuditChecks.NoUsageLog"/>.</summary>
    [TestMethod]
    public static void NoUsageLog()
    {
        AuditChecks.NoUsageLog();
    }

    /// <summary>See <see cref="AuditChecks.RecordsCarryNoPowerOnTime"/>.</summary>
    [TestMethod]
    public static void RecordsCarryNoPowerOnTime()
    {
        AuditChecks.RecordsCarryNoPowerOnTime();
    }

    /// <summary>See <see cref="AuditChecks.BatteryFaultAuditedOnlyInRecording"/>.</summary>
    [TestMethod]
    public static void BatteryFaultAuditedOnlyInRecording()
    {
        AuditChecks.BatteryFaultAuditedOnlyInRecording();
    }
}
