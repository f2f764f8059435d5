using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>ButtonChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class ButtonOnNano
{
    /// <summary>See <see cref="ButtonChecks.DoublePressInsideWindow"/>.</summary>
    [TestMethod]
    public static void DoublePressInsideWindow()
    {
        ButtonChecks.DoublePressInsideWindow();
    }

    /// <summary>See <see cref="ButtonChecks.SinglePressAfterWindow"/>.</summary>
    [TestMethod]
    public static void SinglePressAfterWindow()
    {
        ButtonChecks.SinglePressAfterWindow();
    }

    /// <summary>See <see cref="ButtonChecks.GlitchIgnored"/>.</summary>
    [TestMethod]
    public static void GlitchIgnored()
    {
        ButtonChecks.GlitchIgnored();
    }

    /// <summary>See <see cref="ButtonChecks.HoldAtThreeSeconds"/>.</summary>
    [TestMethod]
    public static void HoldAtThreeSeconds()
    {
        ButtonChecks.HoldAtThreeSeconds();
    }

    /// <summary>See <see cref="ButtonChecks.TriplePressStartsNewSequence"/>.</summary>
    [TestMethod]
    public static void TriplePressStartsNewSequence()
    {
        ButtonChecks.TriplePressStartsNewSequence();
    }

    /// <summary>See <see cref="ButtonChecks.HeldAtBoot"/>.</summary>
    [TestMethod]
    public static void HeldAtBoot()
    {
        ButtonChecks.HeldAtBoot();
    }

    /// <summary>See <see cref="ButtonChecks.StuckAndReleased"/>.</summary>
    [TestMethod]
    public static void StuckAndReleased()
    {
        ButtonChecks.StuckAndReleased();
    }

    /// <summary>See <see cref="ButtonChecks.InvalidCombinationRefused"/>.</summary>
    [TestMethod]
    public static void InvalidCombinationRefused()
    {
        ButtonChecks.InvalidCombinationRefused();
    }
}
