using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>RecordingChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class RecordingOnNano
{
    /// <summary>See <see cref="RecordingChecks.ClosedRecordingListedComplete"/>.</summary>
    [TestMethod]
    public static void ClosedRecordingListedComplete()
    {
        RecordingChecks.ClosedRecordingListedComplete();
    }

    /// <summary>See <see cref="RecordingChecks.PowerCutRecoveredAtBoot"/>.</summary>
    [TestMethod]
    public static void PowerCutRecoveredAtBoot()
    {
        RecordingChecks.PowerCutRecoveredAtBoot();
    }

    /// <summary>See <see cref="RecordingChecks.ForeignFileAuditedOnceAcrossBoots"/>.</summary>
    [TestMethod]
    public static void ForeignFileAuditedOnceAcrossBoots()
    {
        RecordingChecks.ForeignFileAuditedOnceAcrossBoots();
    }

    /// <summary>See <see cref="RecordingChecks.ForeignFileNotRecovered"/>.</summary>
    [TestMethod]
    public static void ForeignFileNotRecovered()
    {
        RecordingChecks.ForeignFileNotRecovered();
    }

    /// <summary>See <see cref="RecordingChecks.ContinuationPastFileLimit"/>.</summary>
    [TestMethod]
    public static void ContinuationPastFileLimit()
    {
        RecordingChecks.ContinuationPastFileLimit();
    }
}
