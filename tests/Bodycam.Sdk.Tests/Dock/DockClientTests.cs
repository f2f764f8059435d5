using System;
using System.IO;
using System.IO.Pipes;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

public class DockClientTests
{
    [Fact]
    public async Task ConnectAsync_NoAnswer_RetriesThenTimesOut()
    {
        (Stream hostEnd, Stream deviceEnd) = Pair();
        using DockClient client = new(new StreamDockTransport(hostEnd), new DockClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(50), Retries = 2 });

        DockConnectionException e = await Assert.ThrowsAsync<DockConnectionException>(() => client.ConnectAsync());

        Assert.Equal(DockConnectionFailure.Timeout, e.Reason);
        Assert.Equal(3 * DockFraming.FrameLength(2), Drain(deviceEnd));
    }

    [Fact]
    public async Task ConnectAsync_ErrorFrame_ThrowsDockErrorWithCode()
    {
        (Stream hostEnd, Stream deviceEnd) = Pair();
        using DockClient client = new(new StreamDockTransport(hostEnd));
        Task<DockHello> hello = client.ConnectAsync();
        byte[] request = new byte[DockFraming.FrameLength(2)];
        await deviceEnd.ReadExactlyAsync(request);
        ushort id = BitConverter.ToUInt16(request, 6);
        await deviceEnd.WriteAsync(DockFraming.Encode(0x7F, id, [1, 0, 1, 1, 0, 0, 0]));

        DockErrorException e = await Assert.ThrowsAsync<DockErrorException>(() => hello);

        Assert.Equal(DockErrorCode.UnsupportedVersion, e.Code);
        Assert.Equal(DockCommandCode.Hello, e.Request);
    }

    [Fact]
    public async Task ConnectAsync_StaleAnswerToOtherId_Ignored()
    {
        (Stream hostEnd, Stream deviceEnd) = Pair();
        using DockClient client = new(new StreamDockTransport(hostEnd));
        Task<DockHello> hello = client.ConnectAsync();
        byte[] request = new byte[DockFraming.FrameLength(2)];
        await deviceEnd.ReadExactlyAsync(request);
        ushort id = BitConverter.ToUInt16(request, 6);
        byte[] payload = [2, 0, 32, 0, 0, 0, 0, 1, 0, 1, (byte)'d', 1, (byte)'v'];
        await deviceEnd.WriteAsync(DockFraming.Encode(0x81, (ushort)(id + 7), payload));
        await deviceEnd.WriteAsync(DockFraming.Encode(0x81, id, payload));

        DockHello answer = await hello;

        Assert.Equal("d", answer.DeviceId);
        Assert.Equal(65536, answer.MaxResponsePayload);
    }

    private static (Stream Host, Stream Device) Pair()
    {
        AnonymousPipeServerStream toDevice = new(PipeDirection.Out);
        AnonymousPipeClientStream deviceIn = new(PipeDirection.In, toDevice.ClientSafePipeHandle);
        AnonymousPipeServerStream toHost = new(PipeDirection.Out);
        AnonymousPipeClientStream hostIn = new(PipeDirection.In, toHost.ClientSafePipeHandle);
        return (new Duplex(hostIn, toDevice), new Duplex(deviceIn, toHost));
    }

    private static int Drain(Stream stream)
    {
        byte[] buffer = new byte[4096];
        int total = 0;
        Task<int> read = stream.ReadAsync(buffer).AsTask();
        while (read.Wait(100))
        {
            total += read.Result;
            read = stream.ReadAsync(buffer).AsTask();
        }

        return total;
    }

    private sealed class Duplex(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => output.WriteAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            input.Dispose();
            output.Dispose();
            base.Dispose(disposing);
        }
    }
}
