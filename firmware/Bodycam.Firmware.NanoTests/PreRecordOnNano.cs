using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>PreRecordChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class PreRecordOnNano
{
    /// <summary>See <see cref="PreRecordChecks.EvictsByAge"/>.</summary>
    [TestMethod]
    public static void EvictsByAge()
    {
        PreRecordChecks.EvictsByAge();
    }

    /// <summary>See <see cref="PreRecordChecks.EvictsBySpaceAndRefusesOversize"/>.</summary>
    [TestMethod]
    public static void EvictsBySpaceAndRefusesOversize()
    {
        PreRecordChecks.EvictsBySpaceAndRefusesOversize();
    }

    /// <summary>See <see cref="PreRecordChecks.DrainStartsAtFirstKeyFrameInsideWindow"/>.</summary>
    [TestMethod]
    public static void DrainStartsAtFirstKeyFrameInsideWindow()
    {
        PreRecordChecks.DrainStartsAtFirstKeyFrameInsideWindow();
    }

    /// <summary>See <see cref="PreRecordChecks.WindowZeroKeepsNothing"/>.</summary>
    [TestMethod]
    public static void WindowZeroKeepsNothing()
    {
        PreRecordChecks.WindowZeroKeepsNothing();
    }

    /// <summary>See <see cref="PreRecordChecks.AudioExcludedUnlessConfigured"/>.</summary>
    [TestMethod]
    public static void AudioExcludedUnlessConfigured()
    {
        PreRecordChecks.AudioExcludedUnlessConfigured();
    }

    /// <summary>See <see cref="PreRecordChecks.ClearZeroesTheArena"/>.</summary>
    [TestMethod]
    public static void ClearZeroesTheArena()
    {
        PreRecordChecks.ClearZeroesTheArena();
    }

    /// <summary>See <see cref="PreRecordChecks.ArenaChunksFitTheBoardLimit"/>.</summary>
    [TestMethod]
    public static void ArenaChunksFitTheBoardLimit()
    {
        PreRecordChecks.ArenaChunksFitTheBoardLimit();
    }

    /// <summary>See <see cref="PreRecordChecks.ChunkedArenaKeepsFramesIntact"/>.</summary>
    [TestMethod]
    public static void ChunkedArenaKeepsFramesIntact()
    {
        PreRecordChecks.ChunkedArenaKeepsFramesIntact();
    }
}
