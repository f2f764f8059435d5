using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

public sealed class DockClientBlockingDownloadTests : IDisposable
{
    private const int Chunk = 1024;
    private const long FaultOffset = 2 * Chunk;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _file = new byte[5000];
    private Thread? _device;

    public DockClientBlockingDownloadTests()
    {
        new Random(7).NextBytes(_file);
        _listener.Start();
    }

    private enum Fault
    {
        None,
        BadCrc,
        Silent,
        Drop,
        WrongOffset,
    }

    [Fact]
    public async Task Download_ScriptedDevice_CopiesWholeFile()
    {
        using DockClient client = await Connected(Fault.None);
        using MemoryStream copy = new();

        long length = client.Download("r-000.bcr", 0, copy);

        Assert.Equal(_file.Length, length);
        Assert.Equal(_file, copy.ToArray());
    }

    [Fact]
    public async Task Download_BadCrcOnAnAnswer_DropsItAndThrowsTimeoutWithBytesInOrder()
    {
        using DockClient client = await Connected(Fault.BadCrc);
        using MemoryStream copy = new();

        DockConnectionException e = Assert.Throws<DockConnectionException>(() => client.Download("r-000.bcr", 0, copy));

        Assert.Equal(DockConnectionFailure.Timeout, e.Reason);
        Assert.Equal(_file.AsSpan(0, (int)FaultOffset).ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task Download_DeviceStopsAnswering_ThrowsTimeout()
    {
        using DockClient client = await Connected(Fault.Silent);
        using MemoryStream copy = new();

        DockConnectionException e = Assert.Throws<DockConnectionException>(() => client.Download("r-000.bcr", 0, copy));

        Assert.Equal(DockConnectionFailure.Timeout, e.Reason);
        Assert.Equal(FaultOffset, copy.Length);
    }

    [Fact]
    public async Task Download_LinkDropped_ThrowsClosed()
    {
        using DockClient client = await Connected(Fault.Drop);
        using MemoryStream copy = new();

        DockConnectionException e = Assert.Throws<DockConnectionException>(() => client.Download("r-000.bcr", 0, copy));

        Assert.Equal(DockConnectionFailure.Closed, e.Reason);
        Assert.Equal(FaultOffset, copy.Length);
    }

    [Fact]
    public async Task Download_AnswerForWrongOffset_ThrowsMalformed()
    {
        using DockClient client = await Connected(Fault.WrongOffset);
        using MemoryStream copy = new();

        DockConnectionException e = Assert.Throws<DockConnectionException>(() => client.Download("r-000.bcr", 0, copy));

        Assert.Equal(DockConnectionFailure.MalformedResponse, e.Reason);
    }

    [Fact]
    public async Task Download_AfterTimeout_ResumesFromDestinationLengthAndDropsLateAnswers()
    {
        using DockClient client = await Connected(Fault.BadCrc);
        using MemoryStream copy = new();
        Assert.Throws<DockConnectionException>(() => client.Download("r-000.bcr", 0, copy));

        // The device corrupts only the first answer at the fault offset; the answers it sent after it are late now.
        long length = client.Download("r-000.bcr", copy.Length, copy);

        Assert.Equal(_file.Length, length);
        Assert.Equal(_file, copy.ToArray());
    }

    public void Dispose()
    {
        _listener.Stop();
        _device?.Join();
    }

    private async Task<DockClient> Connected(Fault fault)
    {
        _device = new Thread(() => Serve(fault)) { IsBackground = true };
        _device.Start();
        DockClient client = new(
            await TcpDockTransport.ConnectAsync("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port, CancellationToken.None),
            new DockClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), ReadWindow = 4 });
        await client.ConnectAsync();
        return client;
    }

    // A device that answers hello and range reads of the file, with one scripted fault at FaultOffset.
    private void Serve(Fault fault)
    {
        using Socket socket = _listener.AcceptSocket();
        using NetworkStream stream = new(socket);
        DockFrameReader reader = new(stream);
        bool faulted = false;
        while (true)
        {
            DockFrame request;
            try
            {
                request = reader.Read();
            }
            catch (Exception e) when (e is DockConnectionException or IOException)
            {
                return;
            }

            ReadOnlySpan<byte> p = request.Payload.Span;
            if (request.Type == (byte)DockCommandCode.Hello)
            {
                byte[] hello = [2, 0, 32, 0, 0, 0, 0, 0, 0, 1, (byte)'d', 1, (byte)'v'];
                BinaryPrimitives.WriteUInt32LittleEndian(hello.AsSpan(5), Chunk + 16);
                stream.Write(DockFraming.Encode(0x81, request.RequestId, hello));
                continue;
            }

            long offset = BinaryPrimitives.ReadInt64LittleEndian(p[(1 + p[0])..]);
            int count = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(p[(9 + p[0])..]), Math.Max(0, _file.Length - offset));
            bool faultNow = offset == FaultOffset && !faulted;
            faulted |= faultNow;
            if (faultNow && fault == Fault.Drop)
            {
                socket.Shutdown(SocketShutdown.Both);
                return;
            }

            if ((faultNow || faulted) && fault == Fault.Silent)
            {
                continue;
            }

            byte[] answer = new byte[16 + count];
            BinaryPrimitives.WriteInt64LittleEndian(answer, faultNow && fault == Fault.WrongOffset ? offset + 1 : offset);
            BinaryPrimitives.WriteInt64LittleEndian(answer.AsSpan(8), _file.Length);
            _file.AsSpan((int)offset, count).CopyTo(answer.AsSpan(16));
            byte[] frame = DockFraming.Encode((byte)(request.Type | DockFraming.ResponseFlag), request.RequestId, answer);
            if (faultNow && fault == Fault.BadCrc)
            {
                frame[^1] ^= 0x5A;
            }

            stream.Write(frame);
        }
    }
}
