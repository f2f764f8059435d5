using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// The offloader against the emulated device: verification from the received bytes, resumed and earlier local copies
/// that are damaged (fetched again, the device not blamed), destinations that cannot take the files (typed error, no
/// ".part" left) and devices that announce names which are not plain names (refused before anything is written).
/// </summary>
public sealed class OffloaderTests : IDisposable
{
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bodycam-offload-" + Guid.NewGuid().ToString("N"));
    private readonly List<EmulatedDockDevice> _devices = [];

    public OffloaderTests()
    {
        Directory.CreateDirectory(_root);
    }

    [Fact]
    public async Task RunAsync_ResumedPartDamagedInTheMiddle_FetchesAgainAndConfirms()
    {
        EmulatedDockDevice device = NewDevice();
        (string name, byte[] original) = RecordOne(device, 30);
        string folder = Path.Combine(_root, "bc-0001");
        Directory.CreateDirectory(folder);
        byte[] part = original[..(original.Length / 2)];
        part[original.Length / 4] ^= 0x40;
        File.WriteAllBytes(Path.Combine(folder, name + ".part"), part);

        OffloadedRecording result = Assert.Single(await NewOffloader(device).RunAsync());

        Assert.Equal(OffloadStatus.Confirmed, result.Status);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(folder, name)));
        Assert.False(File.Exists(Path.Combine(folder, name + ".part")));
    }

    [Fact]
    public async Task RunAsync_ResumedPartWithGarbageTail_FetchesAgainAndConfirms()
    {
        EmulatedDockDevice device = NewDevice();
        (string name, byte[] original) = RecordOne(device, 30);
        string folder = Path.Combine(_root, "bc-0001");
        Directory.CreateDirectory(folder);
        byte[] part = original[..(original.Length / 2)];
        part.AsSpan(part.Length - 100).Fill(0xEE);
        File.WriteAllBytes(Path.Combine(folder, name + ".part"), part);

        OffloadedRecording result = Assert.Single(await NewOffloader(device).RunAsync());

        Assert.Equal(OffloadStatus.Confirmed, result.Status);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(folder, name)));
    }

    [Fact]
    public async Task RunAsync_ResumedPartDamagedAfterItsLastSignedRecord_FetchesAgainAndConfirms()
    {
        // Bytes after the last checkpoint of a ".part" cannot be checked before the rest arrives: the whole file then
        // fails to verify, and the offloader fetches it again instead of reporting the device's recording as bad.
        EmulatedDockDevice device = NewDevice();
        (string name, byte[] original) = RecordOne(device, 30);
        string folder = Path.Combine(_root, "bc-0001");
        Directory.CreateDirectory(folder);
        byte[] part = original[..(original.Length - 5000)];
        part[part.Length - 20000] ^= 0x01;
        File.WriteAllBytes(Path.Combine(folder, name + ".part"), part);

        OffloadedRecording result = Assert.Single(await NewOffloader(device).RunAsync());

        Assert.Equal(OffloadStatus.Confirmed, result.Status);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(folder, name)));
    }

    [Fact]
    public async Task RunAsync_EarlierCopyDamaged_FetchesAgainAndConfirms()
    {
        EmulatedDockDevice device = NewDevice();
        (string name, byte[] original) = RecordOne(device, 5);
        string folder = Path.Combine(_root, "bc-0001");
        Directory.CreateDirectory(folder);
        byte[] copy = (byte[])original.Clone();
        copy[copy.Length / 2] ^= 0x80;
        File.WriteAllBytes(Path.Combine(folder, name), copy);

        OffloadedRecording result = Assert.Single(await NewOffloader(device).RunAsync());

        Assert.Equal(OffloadStatus.Confirmed, result.Status);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(folder, name)));
    }

    [Fact]
    public async Task RunAsync_RecordingTamperedOnTheDevice_VerificationFailsAndNothingIsDeleted()
    {
        EmulatedDockDevice device = NewDevice();
        (string name, byte[] original) = RecordOne(device, 5);
        byte[] tampered = (byte[])original.Clone();
        tampered[original.Length / 2] ^= 0x01;
        device.Storage.WriteAllBytes(name, tampered);

        OffloadedRecording result = Assert.Single(await NewOffloader(device).RunAsync());

        Assert.Equal(OffloadStatus.VerificationFailed, result.Status);
        Assert.Contains("Tampered", result.Detail, StringComparison.Ordinal);
        Assert.Contains(name, device.Storage.List());
    }

    [Fact]
    public async Task RunAsync_DestinationIsAFile_ThrowsDestinationNotAFolderAndKeepsTheRecording()
    {
        EmulatedDockDevice device = NewDevice();
        (string name, _) = RecordOne(device, 2);
        string file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "x");

        OffloadException e = await Assert.ThrowsAsync<OffloadException>(() => NewOffloader(device, file).RunAsync());

        Assert.Equal(OffloadError.DestinationNotAFolder, e.Error);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(name, device.Storage.List());
    }

    [Fact]
    public async Task RunAsync_DestinationTheKernelRefuses_ThrowsDestinationNotWritable()
    {
        RequireLinux();
        EmulatedDockDevice device = NewDevice();
        (string name, _) = RecordOne(device, 2);

        // sysfs takes no new folders from anyone, root included (EPERM), unlike a chmod-ed folder.
        string destination = "/sys/bodycam-offload-" + Guid.NewGuid().ToString("N");
        OffloadException e = await Assert.ThrowsAsync<OffloadException>(() => NewOffloader(device, destination).RunAsync());

        Assert.Equal(OffloadError.DestinationNotWritable, e.Error);
        Assert.Contains(destination, e.Message, StringComparison.Ordinal);
        Assert.Contains(name, device.Storage.List());
    }

    [Fact]
    public async Task RunAsync_DestinationFull_RemovesThePartAndKeepsTheRecording()
    {
        RequireLinux();
        EmulatedDockDevice device = NewDevice();
        (string name, _) = RecordOne(device, 5);
        string folder = Path.Combine(_root, "bc-0001");
        Directory.CreateDirectory(folder);

        // Every write to /dev/full fails with ENOSPC, as on a full disk.
        string part = Path.Combine(folder, name + ".part");
        File.CreateSymbolicLink(part, "/dev/full");

        OffloadException e = await Assert.ThrowsAsync<OffloadException>(() => NewOffloader(device).RunAsync());

        Assert.Equal(OffloadError.DestinationFull, e.Error);
        Assert.Contains(part, e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Contains(name, device.Storage.List());
    }

    [Fact]
    public async Task RunAsync_DeviceIdWithPathSegments_RefusedBeforeAnythingIsWritten()
    {
        EmulatedDockDevice device = NewDevice();
        device.Status.DeviceId = "../../x";
        RecordOne(device, 2);
        string destination = Path.Combine(_root, "a", "b");

        OffloadException e = await Assert.ThrowsAsync<OffloadException>(() => NewOffloader(device, destination).RunAsync());

        Assert.Equal(OffloadError.UnsafeDeviceId, e.Error);
        Assert.Equal("../../x", e.Path);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task RunAsync_FileNameWithPathSegments_RefusedBeforeAnythingIsWritten()
    {
        EmulatedDockDevice device = NewDevice();
        RecordOne(device, 2);
        string destination = Path.Combine(_root, "a", "b");
        Offloader offloader = new(
            async ct => await Authenticated(new ListRenamingTransport(await TcpDockTransport.ConnectAsync("127.0.0.1", device.TcpPort, ct), "../../x.bcr"), ct),
            new ReaderRecordingVerifier(),
            new OffloadOptions { Destination = destination });

        OffloadException e = await Assert.ThrowsAsync<OffloadException>(() => offloader.RunAsync());

        Assert.Equal(OffloadError.UnsafeFileName, e.Error);
        Assert.Equal("../../x.bcr", e.Path);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("bc-0001", true)]
    [InlineData("rec_20261202.c01.bcr", true)]
    [InlineData("../../x", false)]
    [InlineData("..", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("caf\u00e9", false)]
    public void IsPlainName_FollowsTheDocumentedRule(string name, bool plain)
    {
        Assert.Equal(plain, OffloadNames.IsPlainName(name));
    }

    [Fact]
    public void IsPlainName_LongerThan64_Refused()
    {
        Assert.True(OffloadNames.IsPlainName(new string('a', 64)));
        Assert.False(OffloadNames.IsPlainName(new string('a', 65)));
    }

    public void Dispose()
    {
        foreach (EmulatedDockDevice device in _devices)
        {
            device.Dispose();
        }

        _authority.Dispose();
        _recipient.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("This test uses Linux's /sys and /dev/full.");
        }
    }

    private EmulatedDockDevice NewDevice()
    {
        EmulatedDockDevice device = new();
        _devices.Add(device);
        device.Rtc.Set(1764400000000);
        device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
        device.StartTcp();
        return device;
    }

    private static (string Name, byte[] Bytes) RecordOne(EmulatedDockDevice device, int seconds)
    {
        device.Record(seconds, 4000, seconds);
        string name = device.Storage.List().Single(n => n.EndsWith(".bcr", StringComparison.Ordinal));
        return (name, device.Storage.ReadAllBytes(name));
    }

    private Offloader NewOffloader(EmulatedDockDevice device, string? destination = null) =>
        new(
            async ct => await Authenticated(await TcpDockTransport.ConnectAsync("127.0.0.1", device.TcpPort, ct), ct),
            new ReaderRecordingVerifier(),
            new OffloadOptions { Destination = destination ?? _root });

    private async Task<DockClient> Authenticated(IDockTransport transport, CancellationToken ct)
    {
        DockClient client = new(transport, new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await client.ConnectAsync(ct);
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority), ct);
        return client;
    }

    // A device that lies about its files: the first name of every ListRecordings answer is replaced.
    private sealed class ListRenamingTransport(IDockTransport inner, string name) : IDockTransport
    {
        public Stream Stream { get; } = new ListRenamingStream(inner.Stream, name);

        public string Description => "renaming " + inner.Description;

        public void Dispose() => inner.Dispose();
    }

    private sealed class ListRenamingStream(Stream inner, string name) : Stream
    {
        private readonly DockFrameReader _reader = new(inner);
        private byte[] _pending = [];
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_at == _pending.Length)
            {
                DockFrame frame = await _reader.ReadAsync(cancellationToken);
                byte[] payload = frame.Payload.ToArray();
                if (frame.Type == ((byte)DockCommandCode.ListRecordings | DockFraming.ResponseFlag) && payload[2] > 0)
                {
                    // uint16 total, uint8 count, then str8 name first.
                    int oldLength = payload[3];
                    payload = [.. payload[..3], (byte)name.Length, .. name.Select(c => (byte)c), .. payload[(4 + oldLength)..]];
                }

                _pending = DockFraming.Encode(frame.Type, frame.RequestId, payload);
                _at = 0;
            }

            int n = Math.Min(buffer.Length, _pending.Length - _at);
            _pending.AsMemory(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
