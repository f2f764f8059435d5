using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

public sealed class DockEndToEndTests : IDisposable
{
    private readonly EmulatedDockDevice _device = new();
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "bodycam-dock-" + Guid.NewGuid().ToString("N"));

    public DockEndToEndTests()
    {
        _device.Rtc.Set(1764400000000);
        _device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
    }

    [Fact]
    public async Task Offload_OverTcp_CopiesVerifiesConfirmsAndFreesStorage()
    {
        _device.Record(3, 4000, 1);
        _device.Record(2, 3000, 2);
        _device.StartTcp();
        Dictionary<string, byte[]> originals = _device.Storage.List().Where(n => n.EndsWith(".bcr", StringComparison.Ordinal)).ToDictionary(n => n, n => _device.Storage.ReadAllBytes(n));
        Assert.Equal(2, originals.Count);

        IReadOnlyList<OffloadedRecording> results = await NewOffloader(ConnectTcp).RunAsync();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(OffloadStatus.Confirmed, r.Status));
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
        foreach ((string name, byte[] content) in originals)
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(_destination, "bc-0001", name)));
        }

        AuditVerification audit = AuditTrailVerifier.Verify(_device.Storage.ReadAllBytes("audit.log"), _device.SecureElement.DevicePublicKey);
        Assert.Equal(AuditTrailStatus.Valid, audit.Status);
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.Offloaded));
        Assert.Equal(2, audit.Records.Count(r => r.Kind == AuditEventKind.Deleted));
    }

    [Fact]
    public async Task Offload_OverPseudoTerminal_CopiesVerifiesAndConfirms()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The pseudo-terminal endpoint test needs Linux.");
        }

        _device.Record(2, 2000, 3);
        _device.StartPty();

        IReadOnlyList<OffloadedRecording> results = await NewOffloader(ConnectPty).RunAsync();

        Assert.Equal(OffloadStatus.Confirmed, Assert.Single(results).Status);
        Assert.DoesNotContain(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offload_LinkDropsMidFile_ResumesWhereItStoppedAndCompletes()
    {
        _device.Record(10, 20000, 4);
        _device.StartTcp();
        long fileLength = _device.Storage.List().Where(n => n.EndsWith(".bcr", StringComparison.Ordinal)).Sum(n => _device.Storage.GetLength(n));
        int connects = 0;
        BreakingTransport? second = null;

        IReadOnlyList<OffloadedRecording> results = await NewOffloader(async ct =>
        {
            connects++;
            TcpDockTransport tcp = await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, ct);

            // The first link breaks after 1.2 MB have arrived: mid-file, after two whole 512 KiB range answers.
            BreakingTransport transport = new(tcp, connects == 1 ? 1_200_000 : long.MaxValue);
            second = connects == 2 ? transport : second;
            return await Authenticated(transport, ct);
        }).RunAsync();

        Assert.Equal(OffloadStatus.Confirmed, Assert.Single(results).Status);
        Assert.Equal(2, connects);
        Assert.True(second!.BytesRead < fileLength - 50_000, "the second link resumed instead of starting over");
    }

    [Fact]
    public async Task Offload_VerificationFails_ConfirmsNothing()
    {
        _device.Record(1, 1000, 8);
        _device.StartTcp();
        Moq.Mock<IRecordingVerifier> verifier = new(Moq.MockBehavior.Strict);
        verifier.Setup(v => v.VerifyAsync(Moq.It.IsAny<IReadOnlyList<string>>(), Moq.It.IsAny<ReadOnlyMemory<byte>>(), Moq.It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult(new RecordingCheck(false, "tampered")));

        IReadOnlyList<OffloadedRecording> results = await new Offloader(ConnectTcp, verifier.Object, new OffloadOptions { Destination = _destination }).RunAsync();

        Assert.Equal(OffloadStatus.VerificationFailed, Assert.Single(results).Status);
        Assert.Contains(_device.Storage.List(), n => n.EndsWith(".bcr", StringComparison.Ordinal));
        verifier.VerifyAll();
    }

    [Fact]
    public async Task UnauthenticatedHost_GetsOnlyHelloAndInfo()
    {
        _device.Record(1, 1000, 5);
        _device.StartTcp();
        using DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None));
        await client.ConnectAsync();

        DeviceInfo info = await client.GetInfoAsync();
        DockErrorException list = await Assert.ThrowsAsync<DockErrorException>(() => client.ListRecordingsAsync());
        DockErrorException read = await Assert.ThrowsAsync<DockErrorException>(() => client.ReadAuditTrailAsync());

        Assert.Equal("heerde", info.MunicipalityId);
        Assert.Equal(DockErrorCode.NotAuthenticated, list.Code);
        Assert.Equal(DockErrorCode.NotAuthenticated, read.Code);
    }

    [Fact]
    public async Task WronglySignedHost_RefusedAndGetsNothing()
    {
        _device.StartTcp();
        using DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None));
        await client.ConnectAsync();
        using Ed25519DockSigner other = Ed25519DockSigner.Generate();

        DockErrorException auth = await Assert.ThrowsAsync<DockErrorException>(() => client.AuthenticateAsync(new AuthorityAuthenticator(other)));
        DockErrorException list = await Assert.ThrowsAsync<DockErrorException>(() => client.ListRecordingsAsync());

        Assert.Equal(DockErrorCode.AuthenticationFailed, auth.Code);
        Assert.Equal(DockErrorCode.NotAuthenticated, list.Code);
    }

    [Fact]
    public async Task DockKeyWithCertificate_CanOffload()
    {
        _device.Record(1, 1000, 6);
        _device.StartTcp();
        using Ed25519DockSigner dock = Ed25519DockSigner.Generate();
        DockCertificate certificate = DockCertificate.Issue(_authority, "heerde", dock.PublicKey, DateTimeOffset.FromUnixTimeMilliseconds(1900000000000));
        using DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None));
        await client.ConnectAsync();

        await client.AuthenticateAsync(new DockKeyAuthenticator(dock, certificate));
        IReadOnlyList<DeviceRecordingFile> files = await client.ListRecordingsAsync();

        Assert.Single(files);
    }

    [Fact]
    public async Task Confirm_WithWrongHash_DeletesNothing()
    {
        _device.Record(1, 1000, 7);
        _device.StartTcp();
        using DockClient client = await Authenticated(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None), CancellationToken.None);
        DeviceRecordingFile file = Assert.Single(await client.ListRecordingsAsync());
        using MemoryStream copy = new();
        await client.DownloadAsync(file.Name, 0, copy);
        byte[] hash = SHA256.HashData(copy.ToArray());
        hash[0] ^= 1;

        DockErrorException error = await Assert.ThrowsAsync<DockErrorException>(() => client.ConfirmOffloadAsync([new OffloadConfirmation(file.Name, hash)]));

        Assert.Equal(DockErrorCode.HashMismatch, error.Code);
        Assert.True(_device.Storage.Exists(file.Name));
        Assert.Equal(copy.ToArray(), _device.Storage.ReadAllBytes(file.Name));
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

    private Offloader NewOffloader(Func<CancellationToken, Task<DockClient>> connect) =>
        new(connect, new ReaderRecordingVerifier(), new OffloadOptions { Destination = _destination });

    private async Task<DockClient> ConnectTcp(CancellationToken ct) =>
        await Authenticated(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, ct), ct);

    private Task<DockClient> ConnectPty(CancellationToken ct) => Authenticated(SerialDockTransport.Open(_device.PtyPath), ct);

    private async Task<DockClient> Authenticated(IDockTransport transport, CancellationToken ct)
    {
        DockClient client = new(transport, new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await client.ConnectAsync(ct);
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority), ct);
        return client;
    }

    // A link that fails (as an unplugged cable) once a number of bytes have been read from it.
    private sealed class BreakingTransport(IDockTransport inner, long breakAfter) : IDockTransport
    {
        private readonly BreakingStream _stream = new(inner.Stream, breakAfter);

        public Stream Stream => _stream;

        public long BytesRead => _stream.BytesRead;

        public string Description => "breaking " + inner.Description;

        public void Dispose() => inner.Dispose();
    }

    private sealed class BreakingStream(Stream inner, long breakAfter) : Stream
    {
        private long _read;

        public long BytesRead => _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= breakAfter)
            {
                inner.Dispose();
                throw new IOException("link dropped");
            }

            int n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - _read)], cancellationToken);
            _read += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }
}
