using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>CueChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class CueOnNano
{
    /// <summary>See <see cref="CueChecks.LedsFollowTheState"/>.</summary>
    [TestMethod]
    public static void LedsFollowTheState()
    {
        CueChecks.LedsFollowTheState();
    }

    /// <summary>See <see cref="CueChecks.RepeatingCueRepeats"/>.</summary>
    [TestMethod]
    public static void RepeatingCueRepeats()
    {
        CueChecks.RepeatingCueRepeats();
    }
}
