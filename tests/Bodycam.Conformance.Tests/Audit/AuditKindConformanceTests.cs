using System.Globalization;
using System.Linq;
using Xunit;
using FirmwareKind = Bodycam.Firmware.Audit.AuditEventType;
using SdkKind = Bodycam.Sdk.Audit.AuditEventKind;

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

    private static (string Name, long Value)[] Rows()
    {
        return SpecTable.Read(Spec, "## Event types", "code", "event", "subject")
            .Select(r => (r[1], long.Parse(r[0], CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
