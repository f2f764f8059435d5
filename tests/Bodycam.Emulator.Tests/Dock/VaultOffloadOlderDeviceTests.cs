using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Cli.Vault;
using Bodycam.Evidence;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// <c>offload --vault</c>'s intake against a device without ConfirmRecordingChain: the offloader confirms by reading
/// each stored copy back, so the link intake leaves the offloaded files readable until the run is done, and only then
/// removes their offload folder names; the bytes are in the vault, written once.
/// </summary>
public sealed class VaultOffloadOlderDeviceTests : IDisposable
{
    private readonly EmulatedDockDevice _device = new();
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-vault-older-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<DockCommandCode> _sent = new();

    public VaultOffloadOlderDeviceTests()
    {
        _device.Rtc.Set(1764400000000);
        _device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
    }

    [Fact]
    public async Task OffloadIntoVault_DeviceWithoutChainConfirm_ConfirmsFromTheLinkedFilesThenRemovesTheirOffloadNames()
    {
        _device.Record(2, 3000, 1);
        _device.Record(1, 3000, 2);
        _device.StartTcp();
        Dictionary<string, byte[]> originals = _device.Storage.List().Where(n => n.EndsWith(".bcr", StringComparison.Ordinal)).ToDictionary(n => n, n => _device.Storage.ReadAllBytes(n));
        string destination = Path.Combine(_folder, "offload");
        EvidenceVault vault = EvidenceVault.Open(new VaultOptions
        {
            Root = Path.Combine(_folder, "vault"),
            Roles = RolesFile.Parse("bodycam-vault-roles 1\nmunicipality heerde\nactor bram heerde intake-operator\n"),
            Registry = DeviceRegistry.Empty().Add(new DeviceRegistryEntry("bc-0001", "heerde", _device.SecureElement.DevicePublicKey)),
        });
        Directory.CreateDirectory(destination);
        Assert.True(vault.CanMoveFrom(destination));
        var verifier = new VaultIntakeVerifier(vault, vault.Actor("bram"), IntakeMode.Link);

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ct => ConnectWatched(ct, DockCommandCode.ConfirmRecordingChain), verifier, new OffloadOptions { Destination = destination }).RunAsync();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Status == OffloadStatus.Confirmed, r.Status + " " + r.Detail));
        Assert.Equal(2, _sent.Count(t => t == DockCommandCode.ConfirmRecording));
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
        Assert.Equal(originals.Count, Directory.GetFiles(destination, "*.bcr", SearchOption.AllDirectories).Length);

        int removed = verifier.RemoveTakenSources();

        Assert.Equal(originals.Count, removed);
        Assert.Empty(Directory.GetFiles(destination, "*.bcr", SearchOption.AllDirectories));
        foreach (byte[] content in originals.Values)
        {
            Assert.Equal(content, File.ReadAllBytes(vault.Store.PathOf(Convert.ToHexStringLower(SHA256.HashData(content)))));
        }

        Assert.Empty(vault.Check(vault.Actor("bram"), deep: true).Findings);
    }

    public void Dispose()
    {
        _device.Dispose();
        _authority.Dispose();
        _recipient.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    private async Task<DockClient> ConnectWatched(CancellationToken ct, params DockCommandCode[] unknown)
    {
        var transport = new WatchingDockTransport(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, ct), _sent, unknown);
        DockClient client = new(transport, new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10), ExpectedDeviceKey = _device.SecureElement.DevicePublicKey });
        await client.ConnectAsync(ct);
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority), ct);
        return client;
    }
}
