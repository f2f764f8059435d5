using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>ProvisioningChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class ProvisioningOnNano
{
    /// <summary>See <see cref="ProvisioningChecks.ProvisionPersistsAndResets"/>.</summary>
    [TestMethod]
    public static void ProvisionPersistsAndResets()
    {
        ProvisioningChecks.ProvisionPersistsAndResets();
    }

    /// <summary>See <see cref="ProvisioningChecks.CopyOfAnotherDeviceIgnored"/>.</summary>
    [TestMethod]
    public static void CopyOfAnotherDeviceIgnored()
    {
        ProvisioningChecks.CopyOfAnotherDeviceIgnored();
    }
}
