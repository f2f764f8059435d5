using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Firmware.Hal;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// The confirm by final chain hash end to end (docs/dock-protocol.md, "ConfirmRecordingChain" and "Offload (host
/// side)"): the SDK's reader and the firmware agree on each file's final chain hash, for files the device closed and
/// files boot recovery closed; the offloader confirms with ConfirmRecordingChain, falls back to ConfirmRecording only
/// when the device answers UnknownCommand, and flushes every copy and the folder to the disk before it confirms.
/// </summary>
public sealed class ChainConfirmOffloadTests : IDisposable
{
    private readonly EmulatedDockDevice _device = new();
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "bodycam-chain-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<DockCommandCode> _sent = new();

    public ChainConfirmOffloadTests()
    {
        _device.Rtc.Set(1764400000000);
        _device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
    }

    [Fact]
    public async Task Client_ReadersFinalChainHash_ConfirmsAndDeletes()
    {
        string id = _device.Record(2, 2000, 1);
        _device.StartTcp();
        using DockClient client = await Connect(CancellationToken.None);
        DeviceRecordingFile file = Assert.Single(await client.ListRecordingsAsync());
        RecordingResult result = await DownloadAndVerify(client, file);

        int deleted = await client.ConfirmRecordingChainAsync(id, [new ChainConfirmation(file.Name, file.Length, result.FinalChainHash)]);

        Assert.Equal(1, deleted);
        Assert.False(_device.Storage.Exists(file.Name));
        AuditVerification audit = AuditTrailVerifier.Verify(_device.Storage.ReadAllBytes("audit.log"), _device.SecureElement.DevicePublicKey);
        Assert.Equal(AuditTrailStatus.Valid, audit.Status);
        AuditRecord offloaded = Assert.Single(audit.Records, r => r.Kind == AuditEventKind.Offloaded);
        Assert.Equal(file.Name + ";key=authority:" + AuditKey.FingerprintOf(_authority.PublicKey.Span), offloaded.Subject);
        Assert.Equal(file.Name, offloaded.FileName);
        Assert.True(offloaded.Key!.IsKey(_authority.PublicKey.Span));
        Assert.Equal([file.Name], audit.Records.Where(r => r.Kind == AuditEventKind.Deleted).Select(r => r.Subject));
    }

    [Fact]
    public async Task Client_FileClosedByRecovery_ConfirmsAndDeletes()
    {
        string id = RecordInterruptedAndRecover();
        _device.StartTcp();
        using DockClient client = await Connect(CancellationToken.None);
        DeviceRecordingFile file = Assert.Single(await client.ListRecordingsAsync());
        RecordingResult result = await DownloadAndVerify(client, file);
        Assert.Equal(RecordingStatus.ClosedByRecovery, result.Status);

        int deleted = await client.ConfirmRecordingChainAsync(id, [new ChainConfirmation(file.Name, file.Length, result.FinalChainHash)]);

        Assert.Equal(1, deleted);
        Assert.False(_device.Storage.Exists(file.Name));
    }

    [Theory]
    [InlineData("chain")]
    [InlineData("length")]
    [InlineData("sha256")]
    public async Task Client_WrongChainHashOrLength_IsHashMismatchAndDeletesNothing(string wrong)
    {
        string id = _device.Record(2, 2000, 1);
        _device.StartTcp();
        using DockClient client = await Connect(CancellationToken.None);
        DeviceRecordingFile file = Assert.Single(await client.ListRecordingsAsync());
        using MemoryStream copy = new();
        await client.DownloadAsync(file.Name, 0, copy);
        byte[] chain = new RecordingReader(copy.ToArray()).Verify(_device.SecureElement.DevicePublicKey).FinalChainHash.ToArray();
        long length = file.Length;
        switch (wrong)
        {
            case "chain":
                chain[31] ^= 0x80;
                break;
            case "length":
                length--;
                break;
            default:
                chain = System.Security.Cryptography.SHA256.HashData(copy.ToArray());
                break;
        }

        DockErrorException error = await Assert.ThrowsAsync<DockErrorException>(() => client.ConfirmRecordingChainAsync(id, [new ChainConfirmation(file.Name, length, chain)]));

        Assert.Equal(DockErrorCode.HashMismatch, error.Code);
        Assert.Equal(0u, error.Detail);
        Assert.Equal(copy.ToArray(), _device.Storage.ReadAllBytes(file.Name));
    }

    [Fact]
    public async Task Offloader_ConfirmsEachRecordingByItsChainAndNeverByFileHash()
    {
        _device.Record(2, 3000, 1);
        _device.Record(1, 3000, 2);
        _device.StartTcp();

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ConnectWatched, null, new OffloadOptions { Destination = _destination }).RunAsync();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Status == OffloadStatus.Confirmed, r.Status + " " + r.Detail));
        Assert.Equal(2, _sent.Count(t => t == DockCommandCode.ConfirmRecordingChain));
        Assert.DoesNotContain(DockCommandCode.ConfirmRecording, _sent);
        Assert.DoesNotContain(DockCommandCode.ConfirmOffload, _sent);
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offloader_DeviceWithoutChainConfirm_FallsBackToConfirmRecordingForTheRestOfTheRun()
    {
        _device.Record(2, 3000, 1);
        _device.Record(1, 3000, 2);
        _device.StartTcp();
        Dictionary<string, byte[]> originals = Originals();

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ct => ConnectWatched(ct, DockCommandCode.ConfirmRecordingChain), null, new OffloadOptions { Destination = _destination }).RunAsync();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Status == OffloadStatus.Confirmed, r.Status + " " + r.Detail));
        // Tried once; after UnknownCommand every recording is confirmed with ConfirmRecording.
        Assert.Equal(1, _sent.Count(t => t == DockCommandCode.ConfirmRecordingChain));
        Assert.Equal(2, _sent.Count(t => t == DockCommandCode.ConfirmRecording));
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
        foreach ((string name, byte[] content) in originals)
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(_destination, "bc-0001", name)));
        }
    }

    [Fact]
    public async Task Offloader_ChainConfirmRefusedForAnotherReason_DoesNotFallBack()
    {
        // Only UnknownCommand means an older device; any other refusal stands. Here the device's close record changes
        // between the copy and the confirm (a byte of its signature flipped on the card): HashMismatch, nothing deleted.
        _device.Record(2, 3000, 1);
        _device.StartTcp();
        string name = _device.Storage.List().Single(n => n.EndsWith(".bcr", StringComparison.Ordinal));
        var sync = new ChangingSync(() => FlipLastByte(name), _device);

        OffloadedRecording result = Assert.Single(await new Offloader(ConnectWatched, null, new OffloadOptions { Destination = _destination }, sync).RunAsync());

        Assert.Equal(OffloadStatus.ConfirmRefused, result.Status);
        Assert.Equal(nameof(DockErrorCode.HashMismatch), result.Detail);
        Assert.Equal(1, _sent.Count(t => t == DockCommandCode.ConfirmRecordingChain));
        Assert.DoesNotContain(DockCommandCode.ConfirmRecording, _sent);
        Assert.True(_device.Storage.Exists(name));
    }

    [Fact]
    public async Task Offloader_FlushesEachCopyBeforeItsRenameAndTheFolderBeforeTheConfirm()
    {
        _device.Record(2, 3000, 1);
        _device.Record(1, 3000, 2);
        _device.StartTcp();
        string folder = Path.Combine(_destination, "bc-0001");
        var sync = new WatchingSync(_device);

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ConnectWatched, null, new OffloadOptions { Destination = _destination }, sync).RunAsync();

        Assert.All(results, r => Assert.Equal(OffloadStatus.Confirmed, r.Status));
        foreach (OffloadedRecording recording in results)
        {
            string path = Assert.Single(recording.Files);
            // The copy: flushed while it was still the complete ".part" (before the rename), at its full length.
            WatchingSync.Step file = Assert.Single(sync.Steps, s => s.Path == path + ".part");
            Assert.False(file.FinalNameExisted);
            Assert.Equal(new FileInfo(path).Length, file.Length);
        }

        // The folder: once per recording, after its files were renamed and before the device deleted anything.
        WatchingSync.Step[] folders = sync.Steps.Where(s => s.Path == folder).ToArray();
        Assert.Equal(2, folders.Length);
        Assert.All(folders, s => Assert.True(s.FinalNameExisted));
        Assert.Equal(2, folders[0].DeviceFiles);
        Assert.Equal(1, folders[1].DeviceFiles);
        Assert.True(sync.Steps.IndexOf(folders[0]) > sync.Steps.FindIndex(s => s.Path.EndsWith(".part", StringComparison.Ordinal)));
    }

    [Fact]
    public void DestinationSync_FlushesARealFolderAndFile()
    {
        // The real steps on this machine's file system: they run and report no error.
        Directory.CreateDirectory(_destination);
        string path = Path.Combine(_destination, "f.bin");
        var sync = new DestinationSync();
        using (FileStream stream = new(path, FileMode.Create))
        {
            stream.Write([1, 2, 3]);
            sync.FlushFile(stream);
        }

        sync.FlushFolder(_destination);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Fact]
    public void DestinationSync_MissingFolder_IsAnIOException()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The folder flush runs on Linux only.");
        }

        IOException error = Assert.ThrowsAny<IOException>(() => new DestinationSync().FlushFolder(Path.Combine(_destination, "missing")));

        Assert.Equal(2, error.HResult); // ENOENT
    }

    public void Dispose()
    {
        _device.Dispose();
        _authority.Dispose();
        _recipient.Dispose();
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, true);
        }
    }

    private void FlipLastByte(string name)
    {
        byte[] content = _device.Storage.ReadAllBytes(name);
        content[^1] ^= 0x01;
        _device.Storage.WriteAllBytes(name, content);
    }

    private Dictionary<string, byte[]> Originals() =>
        _device.Storage.List().Where(n => n.EndsWith(".bcr", StringComparison.Ordinal)).ToDictionary(n => n, n => _device.Storage.ReadAllBytes(n));

    // A recording cut by a power loss (no last segment, no close record) and closed by the storage manager at boot.
    private string RecordInterruptedAndRecover()
    {
        Random random = new(5);
        byte[] frame = new byte[2500];
        string id = _device.Writer.Begin(_device.Clock.Now, _device.Rtc.Unix, _device.Rtc.IsSet);
        for (int i = 0; i < 25; i++)
        {
            random.NextBytes(frame);
            _device.Writer.AppendFrame(FrameKind.Video, i % 10 == 0, _device.Clock.Now, frame, 0, frame.Length);
            _device.Clock.Advance(100);
        }

        _device.Writer.Abort();
        Assert.Equal([id], _device.Store.RecoverInterrupted());
        return id;
    }

    private async Task<RecordingResult> DownloadAndVerify(DockClient client, DeviceRecordingFile file)
    {
        using MemoryStream copy = new();
        await client.DownloadAsync(file.Name, 0, copy);
        RecordingResult result = new RecordingReader(copy.ToArray()).Verify(_device.SecureElement.DevicePublicKey);
        Assert.True(result.Status is RecordingStatus.Complete or RecordingStatus.ClosedByRecovery, result.Status.ToString());
        Assert.Equal(32, result.FinalChainHash.Length);
        return result;
    }

    private Task<DockClient> ConnectWatched(CancellationToken ct) => ConnectWatched(ct, []);

    private async Task<DockClient> ConnectWatched(CancellationToken ct, params DockCommandCode[] unknown)
    {
        var transport = new WatchingDockTransport(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, ct), _sent, unknown);
        return await Authenticated(transport, ct);
    }

    private async Task<DockClient> Connect(CancellationToken ct) =>
        await Authenticated(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, ct), ct);

    private async Task<DockClient> Authenticated(IDockTransport transport, CancellationToken ct)
    {
        DockClient client = new(transport, new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10), ExpectedDeviceKey = _device.SecureElement.DevicePublicKey });
        await client.ConnectAsync(ct);
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority), ct);
        return client;
    }

    // The real durability steps, noting each one: the path flushed, whether the final name already existed, the
    // file's length, and how many recording files the device still held.
    private class WatchingSync(EmulatedDockDevice device) : IDestinationSync
    {
        private readonly DestinationSync _real = new();

        public List<Step> Steps { get; } = [];

        public virtual void FlushFile(FileStream file)
        {
            _real.FlushFile(file);
            string final = file.Name[..^".part".Length];
            Steps.Add(new Step(file.Name, File.Exists(final), file.Length, DeviceFiles()));
        }

        public virtual void FlushFolder(string folder)
        {
            _real.FlushFolder(folder);
            bool renamed = Directory.GetFiles(folder).Length > 0 && Directory.GetFiles(folder).All(f => !f.EndsWith(".part", StringComparison.Ordinal));
            Steps.Add(new Step(folder, renamed, 0, DeviceFiles()));
        }

        private int DeviceFiles() => device.Storage.List().Count(n => n.EndsWith(".bcr", StringComparison.Ordinal));

        public sealed record Step(string Path, bool FinalNameExisted, long Length, int DeviceFiles);
    }

    // Changes the device's recording when the folder is flushed, before the confirm.
    private sealed class ChangingSync(Action delete, EmulatedDockDevice device) : WatchingSync(device)
    {
        public override void FlushFolder(string folder)
        {
            base.FlushFolder(folder);
            delete();
        }
    }
}
