using System.Globalization;
using System.Linq;
using Xunit;
using FirmwareKind = Bodycam.Firmware.Audit.AuditEventType;
using FirmwareTimeBase = Bodycam.Firmware.Audit.AuditTimeBase;
using FirmwareTrail = Bodycam.Firmware.Audit.AuditTrail;
using SdkKind = Bodycam.Sdk.Audit.AuditEventKind;
using SdkTimeBase = Bodycam.Sdk.Audit.AuditTimeBase;
using SdkVerifier = Bodycam.Sdk.Audit.AuditTrailVerifier;

namespace Bodycam.Conformance.Tests.Audit;

public class AuditKindConformanceTests
{
    private const string Spec = "audit-trail.md";

    [Fact]
    public void EventKinds_FirmwareAndSdk_AreTheSame()
    {
        EnumPairs.AssertSame(typeof(FirmwareKind), typeof(SdkKind));
    }

    [Fact]
    public void EventKinds_Firmware_MatchTheSpecsEventTable()
    {
        EnumPairs.AssertMatchesSpec(typeof(FirmwareKind), Rows(), Spec + " \"Event types\"");
    }

    [Fact]
    public void EventKinds_Sdk_MatchTheSpecsEventTable()
    {
        EnumPairs.AssertMatchesSpec(typeof(SdkKind), Rows(), Spec + " \"Event types\"");
    }

    [Fact]
    public void EventKinds_EverySpecRow_SaysHowItPassesTheWorksCouncilTest()
    {
        Assert.All(
            SpecTable.Read(Spec, "## Event types", "code", "event", "subject", "time", "works-council test"),
            r => Assert.False(string.IsNullOrWhiteSpace(r[4]), $"event {r[1]} has no works-council reason"));
    }

    [Fact]
    public void TimeBases_FirmwareAndSdk_AreTheSame()
    {
        EnumPairs.AssertSame(typeof(FirmwareTimeBase), typeof(SdkTimeBase));
    }

    [Fact]
    public void FormatVersion_FirmwareWritesWhatTheSdkReadsAndTheSpecNames()
    {
        Assert.Equal(FirmwareTrail.FormatVersion, SdkVerifier.FormatVersion);
        string[] version = Body().Single(r => r[0] == "0");
        Assert.Contains("format version, " + FirmwareTrail.FormatVersion.ToString(CultureInfo.InvariantCulture), version[2], System.StringComparison.Ordinal);
    }

    [Fact]
    public void BodyLayout_Firmware_MatchesTheSpecsFormatTwoTable()
    {
        string[][] rows = Body().ToArray();
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r[3]), $"field at {r[0]} has no works-council reason"));
        Assert.Equal(FirmwareTrail.FixedBodySize, int.Parse(rows[^1][0], CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => r[2].Contains("monotonic", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void KeySuffix_FirmwareWritesWhatTheSdkParsesAndTheSpecNames()
    {
        Assert.Equal(Bodycam.Firmware.Dock.DockProtocol.AuditKeyAuthorityPrefix, Bodycam.Sdk.Audit.AuditKey.AuthorityPrefix);
        Assert.Equal(Bodycam.Firmware.Dock.DockProtocol.AuditKeyDockPrefix, Bodycam.Sdk.Audit.AuditKey.DockPrefix);
        Assert.Equal(Bodycam.Firmware.Dock.DockProtocol.AuditKeyFingerprintBytes, Bodycam.Sdk.Audit.AuditKey.FingerprintBytes);
        Assert.Equal(
            Bodycam.Firmware.Dock.DockProtocol.AuditKeySuffixMaxLength,
            Bodycam.Firmware.Dock.DockProtocol.AuditKeyAuthorityPrefix.Length + (2 * Bodycam.Firmware.Dock.DockProtocol.AuditKeyFingerprintBytes));
        Assert.InRange(Bodycam.Firmware.Dock.DockProtocol.MaxStringLength + Bodycam.Firmware.Dock.DockProtocol.AuditKeySuffixMaxLength, 1, FirmwareTrail.MaxSubjectLength);
        foreach (string kind in new[] { "Offloaded", "ClockSet" })
        {
            string subject = SpecTable.Read(Spec, "## Event types", "code", "event", "subject", "time", "works-council test").Single(r => r[1] == kind)[2];
            Assert.Contains(Bodycam.Firmware.Dock.DockProtocol.AuditKeyAuthorityPrefix + "F", subject, System.StringComparison.Ordinal);
            Assert.Contains(Bodycam.Firmware.Dock.DockProtocol.AuditKeyDockPrefix + "F", subject, System.StringComparison.Ordinal);
        }
    }

    private static System.Collections.Generic.IReadOnlyList<string[]> Body()
    {
        return SpecTable.Read(Spec, "## File", "offset", "size", "field", "works-council test");
    }

    private static (string Name, long Value)[] Rows()
    {
        return SpecTable.Read(Spec, "## Event types", "code", "event", "subject", "time", "works-council test")
            .Select(r => (r[1], long.Parse(r[0], CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
