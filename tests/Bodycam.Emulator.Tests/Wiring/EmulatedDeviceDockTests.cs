using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Wiring;

/// <summary>
/// The emulated device as composed for real (EmulatedDevice: audit trail, provisioning store, dock service, CRC unit,
/// link, endpoints), driven by scenario steps and offloaded by the SDK.
/// </summary>
public sealed class EmulatedDeviceDockTests : IDisposable
{
    private const string TwoRecordings = "version: 1\nname: two\nsteps:\n"
        + "  - advance: 3s\n  - press: double\n  - advance: 4s\n  - press: hold 3s\n"
        + "  - advance: 2s\n  - press: double\n  - advance: 3s\n  - press: hold 3s\n"
        + "  - expect-recordings: { count: 2, status: complete }\n";

    private readonly string _destination = RepositoryPaths.TempFile("offload");
    private readonly EmulatedDevice _device;
    private readonly Ed25519DockSigner _authority;

    public EmulatedDeviceDockTests()
    {
        var keys = KeyRing.FromSeed(7);
        _device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = 7,
            Keys = keys,
            Camera = new Bodycam.Emulator.Board.CameraSettings(Bodycam.Emulator.Board.CameraMode.Jpeg, 160, 120, 10),
        });
        byte[] authority = keys.AuthorityPrivateKey("heerde");
        _authority = new Ed25519DockSigner(authority);
        Array.Clear(authority);
    }

    [Fact]
    public async Task Offload_OverTcp_CopiesVerifiesExportsAndFreesStorageOnlyAfterTheConfirm()
    {
        RunSteps(TwoRecordings);
        _device.Dock();
        int port = _device.StartDockTcp(0);
        Func<CancellationToken, Task<DockClient>> connect = ct => Authenticated(TcpDockTransport.ConnectAsync("127.0.0.1", port, ct), ct);

        IReadOnlyList<OffloadedRecording> copied = await new Offloader(connect, new ReaderRecordingVerifier(), new OffloadOptions { Destination = _destination, Confirm = false }).RunAsync();
        int keptAfterCopy = _device.ReadRecordings().Count;
        IReadOnlyList<OffloadedRecording> confirmed = await new Offloader(connect, new ReaderRecordingVerifier(), new OffloadOptions { Destination = _destination }).RunAsync();

        Assert.Equal(2, copied.Count);
        Assert.All(copied, r => Assert.Equal(OffloadStatus.VerifiedNotConfirmed, r.Status));
        Assert.Equal(2, keptAfterCopy);
        Assert.Equal(2, confirmed.Count);
        Assert.All(confirmed, r => Assert.Equal(OffloadStatus.Confirmed, r.Status));
        Assert.Equal(0, _device.ReadRecordings().Count);
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));

        OffloadedRecording first = confirmed[0];
        byte[] recipient = _device.Options.Keys.RecipientPrivateKey("heerde");
        List<RecordingResult> results = first.Files.Select(f => new RecordingReader(File.ReadAllBytes(f)).Decrypt(_device.SecureElement.DevicePublicKey, recipient)).ToList();
        Array.Clear(recipient);
        EvidenceBundle bundle = new EvidenceBundleWriter().Create(Path.Combine(_destination, "bundle"), first.Files, results);
        Assert.Contains(bundle.Files, f => f.RelativePath == EvidenceBundleWriter.ExportFileName);
        Assert.Equal(0, _device.Crypto.Sha256ContextViolations);
        Assert.True(File.Exists(Path.Combine(bundle.Directory, EvidenceBundleWriter.ManifestFileName)));
    }

    [Fact]
    public async Task AuditTrail_ReadOverTheDock_VerifiesAndHoldsTheEvidenceEvents()
    {
        RunSteps(TwoRecordings + "  - dock\n  - offload: { expect: 2 }\n");
        int port = _device.StartDockTcp(0);
        using DockClient client = await Authenticated(TcpDockTransport.ConnectAsync("127.0.0.1", port, CancellationToken.None), CancellationToken.None);

        byte[] trail = await client.ReadAuditTrailAsync();
        AuditVerification audit = AuditTrailVerifier.Verify(trail, _device.SecureElement.DevicePublicKey);

        Assert.Equal(AuditTrailStatus.Valid, audit.Status);
        Assert.Equal(_device.Storage.ReadAllBytes(EmulatedDevice.AuditFileName), trail);
        Assert.Equal(AuditEventKind.Provisioned, audit.Records[0].Kind);
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.RecordingStarted));
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.RecordingStopped));
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.Offloaded));
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.Deleted));
        Assert.Equal(0, _device.Crypto.Sha256ContextViolations);
    }

    [Theory]
    [InlineData("dock-and-offload")]
    [InlineData("escalation")]
    [InlineData("long-recording-continuation")]
    public void LibraryScenario_WithoutFaults_NeverInterleavesTheSha256Context(string name)
    {
        Scenario scenario = ScenarioParser.ParseFile(Path.Combine(RepositoryPaths.Scenarios(), name + ".yaml"));
        long violations = -1;

        ScenarioResult result = Bodycam.Emulator.Commands.ScenarioSession.Run(scenario, 1, KeyRing.FromSeed(scenario.Seed), null, null, (device, _) => violations = device.Crypto.Sha256ContextViolations);

        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        Assert.Equal(0, violations);
    }

    [Fact]
    public async Task Offload_OverPseudoTerminal_CopiesVerifiesAndConfirms()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The pseudo-terminal endpoint test needs Linux.");
        }

        RunSteps(TwoRecordings + "  - dock\n");
        string pty = _device.StartDockPty();

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ct => Authenticated(SerialDockTransport.Open(pty), ct), new ReaderRecordingVerifier(), new OffloadOptions { Destination = _destination }).RunAsync();

        Assert.Equal(2, results.Count(r => r.Status == OffloadStatus.Confirmed));
        Assert.Equal(0, _device.ReadRecordings().Count);
    }

    [Fact]
    public async Task UndockedDevice_AnswersNothing()
    {
        RunSteps(TwoRecordings);
        int port = _device.StartDockTcp(0);
        using DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", port, CancellationToken.None), new DockClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), Retries = 0 });

        await Assert.ThrowsAsync<DockConnectionException>(() => client.ConnectAsync());

        Assert.True(_device.DockLink.BytesDropped > 0);
        Assert.Equal(0, _device.DockLink.BytesSent);
    }

    [Fact]
    public async Task DockedDevice_AnswersHelloAfterBeingDocked()
    {
        RunSteps(TwoRecordings + "  - dock\n");
        using DockClient client = new(new Emulator.Dock.InProcessDockTransport(_device.DockLink));

        DockHello hello = await client.ConnectAsync();
        DeviceInfo info = await client.GetInfoAsync();
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority));
        DeviceStatus status = await client.GetStatusAsync();

        Assert.Equal("HEE-01", hello.DeviceId);
        Assert.Equal("docked", info.StateName);
        Assert.Equal(5, info.StateCode);
        Assert.Equal(2, status.RecordingFileCount);
        Assert.Equal(_device.SecureElement.DevicePublicKey, client.DeviceKey!.Value.ToArray());
    }

    [Fact]
    public async Task PowerCut_DetachesTheService_AndPowerOnServesAgain()
    {
        RunSteps(TwoRecordings + "  - dock\n  - power-cut\n");
        using (DockClient off = new(new Emulator.Dock.InProcessDockTransport(_device.DockLink), new DockClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200), Retries = 0 }))
        {
            await Assert.ThrowsAsync<DockConnectionException>(() => off.ConnectAsync());
        }

        _device.PowerOn();
        using DockClient on = new(new Emulator.Dock.InProcessDockTransport(_device.DockLink));
        DockHello hello = await on.ConnectAsync();

        Assert.Equal("HEE-01", hello.DeviceId);
    }

    public void Dispose()
    {
        _device.Dispose();
        _authority.Dispose();
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, true);
        }
    }

    private void RunSteps(string yaml)
    {
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse(yaml, "wiring.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }

    private async Task<DockClient> Authenticated(Task<TcpDockTransport> transport, CancellationToken ct) => await Authenticated(await transport, ct);

    private async Task<DockClient> Authenticated(IDockTransport transport, CancellationToken ct)
    {
        DockClient client = new(transport, new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await client.ConnectAsync(ct);
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority), ct);
        return client;
    }
}
