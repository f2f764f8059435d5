using System.Globalization;
using System.Linq;
using Xunit;
using FirmwareCommand = Bodycam.Firmware.Dock.DockCommand;
using FirmwareError = Bodycam.Firmware.Dock.DockError;
using SdkCommand = Bodycam.Sdk.Dock.DockCommandCode;
using SdkError = Bodycam.Sdk.Dock.DockErrorCode;

namespace Bodycam.Conformance.Tests.Dock;

public class DockVocabularyConformanceTests
{
    private const string Spec = "dock-protocol.md";

    [Fact]
    public void ErrorCodes_FirmwareAndSdk_AreTheSame()
    {
        EnumPairs.AssertSame(typeof(FirmwareError), typeof(SdkError));
    }

    [Fact]
    public void ErrorCodes_Firmware_MatchTheSpecsErrorTable()
    {
        EnumPairs.AssertMatchesSpec(typeof(FirmwareError), ErrorRows(), Spec + " \"Errors\"");
    }

    [Fact]
    public void ErrorCodes_Sdk_MatchTheSpecsErrorTable()
    {
        EnumPairs.AssertMatchesSpec(typeof(SdkError), ErrorRows(), Spec + " \"Errors\"");
    }

    [Fact]
    public void Commands_FirmwareAndSdk_AreTheSame()
    {
        EnumPairs.AssertSame(typeof(FirmwareCommand), typeof(SdkCommand));
    }

    [Fact]
    public void Commands_Firmware_MatchTheSpecsCommandTablePlusTheErrorType()
    {
        EnumPairs.AssertMatchesSpec(typeof(FirmwareCommand), CommandRows(), Spec + " \"Commands\" and \"Framing\"");
    }

    [Fact]
    public void Commands_Sdk_MatchTheSpecsCommandTablePlusTheErrorType()
    {
        EnumPairs.AssertMatchesSpec(typeof(SdkCommand), CommandRows(), Spec + " \"Commands\" and \"Framing\"");
    }

    [Fact]
    public void ProvisionRecipientLimit_Firmware_MatchesTheSpecsProvisionRow()
    {
        // "... uint8 n (1–8), n × recipient key (32) ...": the provisioning store's limit is the wire's.
        string payload = SpecTable.Read(Spec, "## Commands", "type", "request", "payload", "response payload", "session")
            .Single(r => r[1] == "Provision")[2];
        int open = payload.IndexOf("uint8 n (1–", System.StringComparison.Ordinal);
        Assert.True(open >= 0, "the Provision row gives the recipient count's range");
        int start = open + "uint8 n (1–".Length;
        string limit = payload[start..payload.IndexOf(')', start)];
        Assert.Equal(Bodycam.Firmware.Provisioning.ProvisioningStore.MaxRecipients, int.Parse(limit, CultureInfo.InvariantCulture));
    }

    private static (string Name, long Value)[] ErrorRows()
    {
        return SpecTable.Read(Spec, "## Errors", "code", "name", "detail")
            .Select(r => (r[1], long.Parse(r[0], CultureInfo.InvariantCulture)))
            .ToArray();
    }

    private static (string Name, long Value)[] CommandRows()
    {
        var rows = SpecTable.Read(Spec, "## Commands", "type", "request", "payload", "response payload", "session")
            .Select(r => (r[1], long.Parse(r[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();

        // The error answer is not a request: the framing table gives its type ("or `7F` for an error").
        string framing = SpecTable.Read(Spec, "## Framing", "offset", "size", "field").Single(r => r[0] == "5")[2];
        const string marker = " for an error";
        int end = framing.IndexOf(marker, System.StringComparison.Ordinal);
        Assert.True(end > 2, "the framing table's type row names the error type");
        string hex = framing.Substring(end - 2, 2);
        rows.Add(("Error", long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        return rows.ToArray();
    }
}
