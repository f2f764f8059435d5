using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

public sealed class DockBlockingDownloadTests : IDisposable
{
    private readonly EmulatedDockDevice _device = new();
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly string _name;

    public DockBlockingDownloadTests()
    {
        _device.Rtc.Set(1764400000000);
        _device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
        _device.Record(3, 40 * 1024, 5);
        _name = _device.Storage.List().Single(n => n.EndsWith(".bcr", StringComparison.Ordinal));
        _device.StartTcp();
    }

    [Fact]
    public async Task Download_OverTcp_SameBytesAsDownloadAsync()
    {
        using DockClient client = await Authenticated();
        using MemoryStream asynchronous = new();
        using MemoryStream blocking = new();

        long asyncLength = await client.DownloadAsync(_name, 0, asynchronous);
        long blockingLength = client.Download(_name, 0, blocking);

        Assert.Equal(asyncLength, blockingLength);
        Assert.True(blocking.Length > 2 * 65536);
        Assert.Equal(asynchronous.ToArray(), blocking.ToArray());
        Assert.Equal(_device.Storage.ReadAllBytes(_name), blocking.ToArray());
    }

    [Fact]
    public async Task Download_FromOffset_AppendsTheRestAndReportsProgressOfThisCall()
    {
        byte[] original = _device.Storage.ReadAllBytes(_name);
        const int have = 100001;
        using DockClient client = await Authenticated();
        using MemoryStream copy = new();
        copy.Write(original, 0, have);
        long last = -1;

        long length = client.Download(_name, have, copy, new Progress(done => last = done));

        Assert.Equal(original.Length, length);
        Assert.Equal(original.Length - have, last);
        Assert.Equal(original, copy.ToArray());
    }

    [Fact]
    public async Task Download_WhileAsyncRequestInFlight_ThrowsInvalidOperation()
    {
        using DockClient client = await Authenticated();
        using BlockingSink sink = new();
        Task<long> running = client.DownloadAsync(_name, 0, sink);
        await sink.Entered.Task;

        Assert.Throws<InvalidOperationException>(() => client.Download(_name, 0, new MemoryStream()));

        sink.Release.SetResult();
        Assert.Equal(_device.Storage.ReadAllBytes(_name).Length, await running);
    }

    public void Dispose()
    {
        _device.Dispose();
        _authority.Dispose();
        _recipient.Dispose();
    }

    private async Task<DockClient> Authenticated()
    {
        DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None), new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await client.ConnectAsync();
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority));
        return client;
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    // A destination whose first write waits until the test lets it go, holding the asynchronous download open.
    private sealed class BlockingSink : MemoryStream
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Write(buffer.Span);
        }
    }
}
