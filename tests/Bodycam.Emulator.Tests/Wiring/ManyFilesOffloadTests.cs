using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Emulator.Tests.Wiring;

/// <summary>
/// A recording of more files than one ConfirmOffload could name (<c>max-file-duration: 1s</c>) is
/// offloaded, confirmed whole and deleted, by the emulator's own offload step and by the SDK over TCP.
/// </summary>
public sealed class ManyFilesOffloadTests : IDisposable
{
    private const string LongRecording = "version: 1\nname: many files\nsteps:\n"
        + "  - advance: 3s\n  - press: double\n  - advance: 27s\n  - press: hold 3s\n  - advance: 2s\n  - dock\n";

    private readonly string _destination = RepositoryPaths.TempFile("offload-many");
    private readonly EmulatedDevice _device;

    public ManyFilesOffloadTests()
    {
        _device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = 9,
            Keys = KeyRing.FromSeed(9),
            Camera = new Bodycam.Emulator.Board.CameraSettings(Bodycam.Emulator.Board.CameraMode.Jpeg, 160, 120, 10),
            Overrides = new DeviceOverrides { MaxFileDurationMilliseconds = 1000 },
            OffloadDirectory = _destination,
        });
    }

    [Fact]
    public void OffloadStep_RecordingOfMoreThanSixteenFiles_IsConfirmedAndDeleted()
    {
        Run(LongRecording);
        int parts = Assert.Single(_device.ReadRecordings().Recordings).Parts;

        Run("version: 1\nname: offload\nsteps:\n  - offload: { expect: 1 }\n  - expect-recordings: { count: 0 }\n  - expect-audit: { contains: [offloaded, deleted] }\n");

        Assert.InRange(parts, 28, 1000);
        Assert.Equal(0, _device.ReadRecordings().Count);
    }

    [Fact]
    public async Task Sdk_RecordingOfMoreThanSixteenFiles_IsConfirmedAndDeleted()
    {
        Run(LongRecording);
        int parts = Assert.Single(_device.ReadRecordings().Recordings).Parts;
        int port = _device.StartDockTcp(0);
        byte[] authorityKey = _device.Options.Keys.AuthorityPrivateKey("heerde");
        using Ed25519DockSigner authority = new(authorityKey);
        Array.Clear(authorityKey);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<DockCommandCode>();

        IReadOnlyList<OffloadedRecording> results = await new Offloader(
            async ct =>
            {
                DockClient client = new(new Bodycam.Emulator.Tests.Dock.WatchingDockTransport(await TcpDockTransport.ConnectAsync("127.0.0.1", port, ct), sent), new DockClientOptions { ExpectedDeviceKey = _device.SecureElement.DevicePublicKey });
                await client.ConnectAsync(ct);
                await client.AuthenticateAsync(new AuthorityAuthenticator(authority), ct);
                return client;
            },
            new ReaderRecordingVerifier(),
            new OffloadOptions { Destination = _destination }).RunAsync();

        OffloadedRecording result = Assert.Single(results);
        Assert.True(result.Status == OffloadStatus.Confirmed, result.Status + " " + result.Detail);
        Assert.Equal(parts, result.Files.Count);
        Assert.InRange(parts, 28, 1000);
        Assert.Equal(0, _device.ReadRecordings().Count);

        // One ConfirmRecordingChain for the whole recording: no file is hashed again for the confirm.
        Assert.Equal([DockCommandCode.ConfirmRecordingChain], sent.Where(t => t is DockCommandCode.ConfirmRecordingChain or DockCommandCode.ConfirmRecording or DockCommandCode.ConfirmOffload));
    }

    public void Dispose()
    {
        _device.Dispose();
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, true);
        }
    }

    private void Run(string yaml)
    {
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse(yaml, "many.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }
}
