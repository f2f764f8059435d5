using System;
using System.IO;
using System.Threading.Tasks;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Hints;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

/// <summary>
/// The host's half of ConfirmRecordingChain (docs/dock-protocol.md, "ConfirmRecordingChain"): the manifest digest
/// written from the document, the arguments refused before anything is sent, and the hint for each detail.
/// </summary>
public class ConfirmChainManifestTests
{
    [Fact]
    public void ConfirmChainManifest_IsTheSpecsDigest()
    {
        byte[] chain0 = SHA256.HashData("a"u8);
        byte[] chain1 = SHA256.HashData("b"u8);
        ChainConfirmation[] files = [new("r.bcr", 1000, chain0), new("r.1.bcr", 0x1_0000_0001, chain1)];

        // M0 = SHA-256("BODYCAM-CONFIRM-CHAIN" || str8 id || uint16 n); Mi = SHA-256(M(i-1) || str8 name || uint64 length || chain).
        byte[] m = SHA256.HashData([.. Encoding.ASCII.GetBytes("BODYCAM-CONFIRM-CHAIN"), 1, (byte)'r', 2, 0]);
        m = SHA256.HashData([.. m, 5, .. "r.bcr"u8, 0xE8, 0x03, 0, 0, 0, 0, 0, 0, .. chain0]);
        m = SHA256.HashData([.. m, 7, .. "r.1.bcr"u8, 1, 0, 0, 0, 1, 0, 0, 0, .. chain1]);

        Assert.Equal(m, DockMessages.ConfirmChainManifest("r", files));
    }

    [Fact]
    public void ConfirmChainManifest_DiffersFromTheSha256Manifest()
    {
        // The same 32 bytes in both confirms never give the same digest (different labels and links).
        byte[] value = SHA256.HashData("x"u8);

        Assert.NotEqual(
            DockMessages.ConfirmManifest("r", [new OffloadConfirmation("r.bcr", value)]),
            DockMessages.ConfirmChainManifest("r", [new ChainConfirmation("r.bcr", 10, value)]));
    }

    [Fact]
    public async Task ConfirmRecordingChainAsync_BadArguments_AreRefusedBeforeSending()
    {
        using DockClient client = new(new StreamDockTransport(new MemoryStream()));

        await Assert.ThrowsAsync<ArgumentException>(() => client.ConfirmRecordingChainAsync("r", []));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ConfirmRecordingChainAsync("r", [new ChainConfirmation("r.bcr", 10, new byte[31])]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ConfirmRecordingChainAsync("r", [new ChainConfirmation("r.bcr", -1, new byte[32])]));
    }

    [Fact]
    public void Hint_HashMismatchDetails_SayWhichFileHasNoCloseRecord()
    {
        ErrorHint digest = ErrorHints.ForDockError(DockErrorCode.HashMismatch, DockCommandCode.ConfirmRecordingChain, 0);
        ErrorHint noClose = ErrorHints.ForDockError(DockErrorCode.HashMismatch, DockCommandCode.ConfirmRecordingChain, 3);

        Assert.Contains("differs from the device's copy", digest.Meaning, StringComparison.Ordinal);
        Assert.Contains("file 2 of the recording does not end in a close record", noClose.Meaning, StringComparison.Ordinal);
    }
}
