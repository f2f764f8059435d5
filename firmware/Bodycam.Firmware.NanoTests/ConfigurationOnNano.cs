using Bodycam.Firmware.Checks.Areas;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.NanoTests;

/// <summary>ConfigurationChecks on nanoCLR (static: the launcher does not construct test classes).</summary>
[TestClass]
public class ConfigurationOnNano
{
    /// <summary>See <see cref="ConfigurationChecks.DefaultsValid"/>.</summary>
    [TestMethod]
    public static void DefaultsValid()
    {
        ConfigurationChecks.DefaultsValid();
    }

    /// <summary>See <see cref="ConfigurationChecks.WindowAboveMaximumRefused"/>.</summary>
    [TestMethod]
    public static void WindowAboveMaximumRefused()
    {
        ConfigurationChecks.WindowAboveMaximumRefused();
    }

    /// <summary>See <see cref="ConfigurationChecks.ArenaOutOfRangeRefused"/>.</summary>
    [TestMethod]
    public static void ArenaOutOfRangeRefused()
    {
        ConfigurationChecks.ArenaOutOfRangeRefused();
    }

    /// <summary>See <see cref="ConfigurationChecks.DependentRuleChecked"/>.</summary>
    [TestMethod]
    public static void DependentRuleChecked()
    {
        ConfigurationChecks.DependentRuleChecked();
    }

    /// <summary>See <see cref="ConfigurationChecks.CopySettingsKeepsTheBudget"/>.</summary>
    [TestMethod]
    public static void CopySettingsKeepsTheBudget()
    {
        ConfigurationChecks.CopySettingsKeepsTheBudget();
    }
}
