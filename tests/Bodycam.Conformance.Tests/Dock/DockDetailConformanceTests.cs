using System.Linq;
using Bodycam.Firmware.Dock;
using Xunit;

namespace Bodycam.Conformance.Tests.Dock;

/// <summary>The error details and limits the firmware uses are the ones docs/dock-protocol.md, "Errors", gives.</summary>
public class DockDetailConformanceTests
{
    private const string Spec = "dock-protocol.md";

    [Theory]
    [InlineData("BadRequest", DockProtocol.DetailMalformed, "malformed")]
    [InlineData("BadRequest", DockProtocol.DetailConfigurationRejected, "configuration rejected")]
    [InlineData("BadRequest", DockProtocol.DetailIncompleteRecording, "a confirm does not cover a whole recording")]
    [InlineData("BadRequest", DockProtocol.DetailDuplicateName, "a ConfirmOffload names a file twice")]
    [InlineData("BadRequest", DockProtocol.DetailTimeOutOfRange, "a SetClock time outside")]
    [InlineData("Forbidden", DockProtocol.DetailAuthorityOnly, "the command needs the authority key")]
    [InlineData("Forbidden", DockProtocol.DetailClockStepTooLarge, "a clock change beyond")]
    [InlineData("UnsupportedVersion", DockProtocol.FrameVersion, "1 (the frame format version")]
    [InlineData("HashMismatch", DockProtocol.DetailDigestDiffers, "the digest differs")]
    [InlineData("HashMismatch", DockProtocol.DetailNoCloseRecordBase, "+ i file i of the recording (listing order, from 0) does not end in a close or closed-by-recovery record")]
    public void Detail_Firmware_IsTheOneTheSpecsErrorTableGives(string error, uint detail, string meaning)
    {
        string cell = SpecTable.Read(Spec, "## Errors", "code", "name", "detail").Single(r => r[1] == error)[2];

        Assert.Contains(meaning.StartsWith("1 (", System.StringComparison.Ordinal) ? meaning : detail + " " + meaning, cell, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ChainConfirmLabel_FirmwareAndSdk_AreTheSpecsFirstLink()
    {
        string spec = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "docs", Spec));

        Assert.Contains("M0 = SHA-256(\"" + DockProtocol.ConfirmChainLabel + "\" || str8 recording id || uint16 n)", spec, System.StringComparison.Ordinal);
        Assert.Equal(DockProtocol.ConfirmChainLabel, Bodycam.Sdk.Dock.DockMessages.ConfirmChainLabel);
    }

    [Fact]
    public void ConfirmRecordingFileLimit_Firmware_MatchesTheSpecsCommandRow()
    {
        string payload = SpecTable.Read(Spec, "## Commands", "type", "request", "payload", "response payload", "session")
            .Single(r => r[1] == "ConfirmRecording")[2];

        Assert.Contains("uint16 n (1–" + DockProtocol.MaxRecordingFiles + ")", payload, System.StringComparison.Ordinal);
    }
}
