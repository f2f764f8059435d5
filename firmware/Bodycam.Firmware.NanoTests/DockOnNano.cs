using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>DockChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class DockOnNano
{
    /// <summary>See <see cref="DockChecks.FramingAndCrc"/>.</summary>
    [TestMethod]
    public static void FramingAndCrc()
    {
        DockChecks.FramingAndCrc();
    }

    /// <summary>See <see cref="DockChecks.SequenceAndUnknownCommand"/>.</summary>
    [TestMethod]
    public static void SequenceAndUnknownCommand()
    {
        DockChecks.SequenceAndUnknownCommand();
    }

    /// <summary>See <see cref="DockChecks.AuthenticationRequiredAndChecked"/>.</summary>
    [TestMethod]
    public static void AuthenticationRequiredAndChecked()
    {
        DockChecks.AuthenticationRequiredAndChecked();
    }

    /// <summary>See <see cref="DockChecks.ConfirmDeletesOnlyOnMatchingHash"/>.</summary>
    [TestMethod]
    public static void ConfirmDeletesOnlyOnMatchingHash()
    {
        DockChecks.ConfirmDeletesOnlyOnMatchingHash();
    }

    /// <summary>See <see cref="DockChecks.ConfirmRecordingChainDeletesOnlyOnMatchingDigest"/>.</summary>
    [TestMethod]
    public static void ConfirmRecordingChainDeletesOnlyOnMatchingDigest()
    {
        DockChecks.ConfirmRecordingChainDeletesOnlyOnMatchingDigest();
    }
}
