using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bodycam.Emulator.Tests.Dock;
using Bodycam.Firmware.Dock;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;

namespace Bodycam.Benchmarks.Dock;

/// <summary>
/// The transfer part of an offload (the firmware's dock service reads its storage and frames it, the SDK client
/// receives and writes the file) over loopback TCP, against a raw socket copy of the same bytes from the same storage,
/// and the whole offload with verification and confirm beside them: once into a memory-backed folder (/dev/shm on
/// Linux, the raw copies' kind of sink; the temp folder where there is none) and once into the temp folder on disk,
/// so that the disk's cost (the writes and the offloader's fsyncs) shows separately. docs/performance.md, "Dock".
/// </summary>
[InProcess]
[WarmupCount(3)]
[IterationCount(8)]
public class DockTransferBenchmarks
{
    private EmulatedDockDevice _device = null!;
    private Ed25519DockSigner _authority = null!;
    private DockClient? _client;
    private string _fileName = string.Empty;
    private byte[] _fileBytes = [];
    private TcpListener _rawListener = null!;
    private Thread _rawThread = null!;
    private Socket _rawClient = null!;
    private readonly MemoryStream _sink = new();
    private readonly byte[] _rawBuffer = new byte[1 << 16];
    private string _destination = string.Empty;
    private string _diskDestination = string.Empty;

    /// <summary>Gets or sets the recording size in MiB.</summary>
    [Params(32)]
    public int MiB { get; set; }

    /// <summary>Gets or sets a value indicating whether the board's CRC unit (simulated) frames the answers, instead of the firmware's table-driven CRC.</summary>
    [Params(false, true)]
    public bool CrcUnit { get; set; }

    /// <summary>Gets or sets the largest response payload the device announces, in KiB (64: the old default; 512: the default).</summary>
    [Params(64, 512)]
    public int MaxResponseKiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _device = new EmulatedDockDevice(crcUnit: CrcUnit, options: new DockServiceOptions { MaxResponsePayload = MaxResponseKiB * 1024 });
        _authority = Ed25519DockSigner.Generate();
        using KeyPair recipient = KeyPair.Generate(KeyType.Recipient);
        _device.Enrol("heerde", _authority.PublicKey.ToArray(), recipient.PublicKey);
        // 10 frames of 100 KiB per simulated second: about MiB mebibytes in one file.
        _device.Record(MiB * 1024 / 1000, 100 * 1024, 1);
        _fileName = _device.Storage.List().Single(n => n.EndsWith(".bcr", StringComparison.Ordinal));
        _fileBytes = _device.Storage.ReadAllBytes(_fileName);
        _device.StartTcp();
        _sink.Capacity = _fileBytes.Length;

        _rawListener = new TcpListener(IPAddress.Loopback, 0);
        _rawListener.Start();
        _rawThread = new Thread(ServeRaw) { IsBackground = true };
        _rawThread.Start();
        _rawClient = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 1 << 20 };
        _rawClient.Connect((IPEndPoint)_rawListener.LocalEndpoint);
        string folder = "bodycam-bench-" + Guid.NewGuid().ToString("N");
        MemoryBacked = OperatingSystem.IsLinux() && Directory.Exists("/dev/shm");
        _destination = Path.Combine(MemoryBacked ? "/dev/shm" : Path.GetTempPath(), folder);
        _diskDestination = Path.Combine(Path.GetTempPath(), folder + "-disk");
    }

    /// <summary>Gets a value indicating whether <see cref="WholeOffloadWithVerification"/> writes into /dev/shm (else the temp folder).</summary>
    public bool MemoryBacked { get; private set; }

    /// <summary>Gets where the two whole offloads write, for the bench's output.</summary>
    public string Destinations => $"WholeOffloadWithVerification -> {Path.GetDirectoryName(_destination)} ({(MemoryBacked ? "memory-backed" : "no /dev/shm: temp folder")}), WholeOffloadToDisk -> {Path.GetDirectoryName(_diskDestination)}";

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _rawClient.Dispose();
        _rawListener.Stop();
        _device.Dispose();
        foreach (string destination in new[] { _destination, _diskDestination })
        {
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, true);
            }
        }
    }

    /// <summary>The same bytes read from the same storage in 64 KiB chunks and sent on a plain socket.</summary>
    [Benchmark(Baseline = true)]
    public long RawSocketCopy()
    {
        _sink.SetLength(0);
        _rawClient.Send([1]);
        long left = _fileBytes.Length;
        while (left > 0)
        {
            int n = _rawClient.Receive(_rawBuffer, 0, (int)Math.Min(_rawBuffer.Length, left), SocketFlags.None);
            _sink.Write(_rawBuffer, 0, n);
            left -= n;
        }

        return _sink.Length;
    }

    /// <summary>
    /// The least work a verifying offload can do: the same raw copy with the receiver hashing the bytes (SHA-256) as
    /// they arrive. The whole offload is compared with this one.
    /// </summary>
    [Benchmark]
    public int RawSocketCopyHashed()
    {
        _sink.SetLength(0);
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _rawClient.Send([1]);
        long left = _fileBytes.Length;
        while (left > 0)
        {
            int n = _rawClient.Receive(_rawBuffer, 0, (int)Math.Min(_rawBuffer.Length, left), SocketFlags.None);
            _sink.Write(_rawBuffer, 0, n);
            hash.AppendData(_rawBuffer, 0, n);
            left -= n;
        }

        return hash.GetHashAndReset()[0];
    }

    /// <summary>The dock protocol's range reads (framed, CRC-checked, pipelined) into the same kind of sink.</summary>
    [Benchmark]
    public long DockTransfer()
    {
        _sink.SetLength(0);

        // Connected on first use: the endpoint serves one host at a time, and the offload benchmark connects its own.
        _client ??= Connect().GetAwaiter().GetResult();
        _client.DownloadAsync(_fileName, 0, _sink).GetAwaiter().GetResult();
        return _sink.Length;
    }

    /// <summary>The same range reads with the client's blocking download (blocking reads on the benchmark's thread).</summary>
    [Benchmark]
    public long DockTransferBlocking()
    {
        _sink.SetLength(0);
        _client ??= Connect().GetAwaiter().GetResult();
        _client.Download(_fileName, 0, _sink);
        return _sink.Length;
    }

    /// <summary>
    /// A whole offload into the memory-backed folder: connect, authenticate, list, copy verifying the received bytes,
    /// flush the copy and the folder, confirm by the final chain hash (the device reads the close record and deletes).
    /// </summary>
    [Benchmark]
    public int WholeOffloadWithVerification() => Offload(_destination);

    /// <summary>The same whole offload into the temp folder on disk (the fsyncs wait for the disk).</summary>
    [Benchmark]
    public int WholeOffloadToDisk() => Offload(_diskDestination);

    private int Offload(string destination)
    {
        Offloader offloader = new(_ => Connect(), new ReaderRecordingVerifier(), new OffloadOptions { Destination = destination });
        int confirmed = offloader.RunAsync().GetAwaiter().GetResult().Count(r => r.Status == OffloadStatus.Confirmed);
        if (confirmed != 1)
        {
            throw new InvalidOperationException("The benchmark's offload did not confirm its recording.");
        }

        return confirmed;
    }

    /// <summary>Connects the transfer benchmarks' client (the bench command does it outside the measured time).</summary>
    public void ConnectTransferClient()
    {
        _client ??= Connect().GetAwaiter().GetResult();
    }

    /// <summary>Disconnects it, so that an offload can connect (the endpoint serves one host at a time).</summary>
    public void DisconnectTransferClient()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>Puts the offloaded recording back and empties the destinations, outside the measured time.</summary>
    [IterationCleanup(Targets = [nameof(WholeOffloadWithVerification), nameof(WholeOffloadToDisk)])]
    public void RestoreRecording()
    {
        // The endpoint is idle between offloads.
        _device.Storage.WriteAllBytes(_fileName, _fileBytes);
        foreach (string destination in new[] { _destination, _diskDestination })
        {
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, true);
            }
        }
    }

    private async Task<DockClient> Connect()
    {
        DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", _device.TcpPort, CancellationToken.None));
        await client.ConnectAsync();
        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority));
        return client;
    }

    private void ServeRaw()
    {
        using Socket socket = _rawListener.AcceptSocket();
        socket.NoDelay = true;
        socket.SendBufferSize = 1 << 20;
        byte[] request = new byte[1];
        byte[] chunk = new byte[1 << 16];
        while (socket.Receive(request) == 1)
        {
            long position = 0;
            while (position < _fileBytes.Length)
            {
                int n = _device.Storage.Read(_fileName, position, chunk, 0, chunk.Length);
                socket.Send(chunk, 0, n, SocketFlags.None);
                position += n;
            }
        }
    }
}
