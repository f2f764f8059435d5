using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;

namespace Bodycam.Benchmarks.Recording;

/// <summary>
/// The recording paths against their floor (docs/performance.md, "Recording"): over the same 16 MiB of media
/// (25 fps of 20 KiB frames in 512 KiB segments), raw AES-256-GCM sealing plus raw SHA-256 hashing (the reference),
/// the firmware writer on the emulator's memory storage, and the SDK's verify + decrypt.
/// </summary>
[InProcess]
[WarmupCount(3)]
[IterationCount(8)]
[MemoryDiagnoser]
public class RecordingThroughputBenchmarks
{
    private const int FrameSize = 20 * 1024;
    private const int FrameCount = 800;
    private const int SegmentBytes = 512 * 1024;

    private readonly byte[] _frame = new byte[FrameSize];
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _aad = new byte[37];
    private readonly byte[] _tag = new byte[16];
    private readonly byte[] _digest = new byte[32];
    private byte[] _segmentPlain = Array.Empty<byte>();
    private byte[] _segmentCipher = Array.Empty<byte>();
    private byte[] _segmentCipher2 = Array.Empty<byte>();
    private int _segments;
    private AesGcm? _aes;
    private byte[] _file = Array.Empty<byte>();
    private byte[] _devicePublicKey = Array.Empty<byte>();
    private byte[] _recipientPrivate = Array.Empty<byte>();
    private SimulatedRandom? _random;
    private SimulatedSecureElement? _secureElement;
    private SimulatedCryptoEngine? _crypto;
    private PreallocatedCard? _card;

    // The device's internal flash, where the writer journals its open file (not the card).
    private readonly SimulatedStorage _internal = new SimulatedStorage(1L << 20);
    private RecordingWriter? _writer;

    /// <summary>Builds the media, the keys and one recording for the reader.</summary>
    [GlobalSetup]
    public void Setup()
    {
        new SimulatedRandom(5).Fill(_frame, 0, _frame.Length);
        new SimulatedRandom(6).Fill(_key, 0, _key.Length);
        _aes = new AesGcm(_key, 16);

        // The reference seals the same plaintext the writer seals: frames with their 14-byte headers, per segment.
        int perSegment = SegmentBytes / (FrameSize + 14);
        _segments = (FrameCount + perSegment - 1) / perSegment;
        _segmentPlain = new byte[perSegment * (FrameSize + 14)];
        for (int i = 0; i < perSegment; i++)
        {
            _frame.CopyTo(_segmentPlain, (i * (FrameSize + 14)) + 14);
        }

        _segmentCipher = new byte[_segmentPlain.Length];
        _segmentCipher2 = new byte[_segmentPlain.Length];

        _recipientPrivate = new byte[32];
        new SimulatedRandom(7).Fill(_recipientPrivate, 0, 32);

        // The board's parts exist before any recording: only the writer, store and card contents are per run.
        _random = new SimulatedRandom(8);
        _secureElement = new SimulatedSecureElement(_key, _random);
        _crypto = new SimulatedCryptoEngine();
        SimulatedStorage storage = RunWriter();
        _devicePublicKey = _secureElement.DevicePublicKey;

        // The device's writer and card: built once, as at boot (24 MiB of card blocks for one 16 MiB recording).
        _card = new PreallocatedCard(24L << 20);
        var writerOptions = new RecordingWriterOptions { SegmentMaxBytes = SegmentBytes, SegmentMaxMilliseconds = 1000, FileMaxBytes = 1L << 30 };
        _writer = new RecordingWriter(writerOptions, new RecordingStore(_card, _internal, _crypto, _secureElement, 0), _crypto, _secureElement, _random, new OneRecipient(_recipientPrivate));
        _file = storage.ReadAllBytes(storage.List()[0]);
    }

    /// <summary>Disposes the reference cipher.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _aes?.Dispose();
        _crypto?.Dispose();
    }

    /// <summary>The floor: AES-256-GCM seal, then SHA-256 of the ciphertext, one segment after another.</summary>
    [Benchmark(Baseline = true)]
    public void ReferenceSealAndHash()
    {
        for (int s = 0; s < _segments; s++)
        {
            _nonce[11] = (byte)s;
            _aes!.Encrypt(_nonce, _segmentPlain, _segmentCipher, _tag, _aad);
            SHA256.HashData(_segmentCipher, _digest);
        }
    }

    /// <summary>The floor on two cores: hash segment i on one core while sealing segment i + 1 on the other.</summary>
    [Benchmark]
    public void ReferenceSealAndHashTwoCores()
    {
        Task? hashing = null;
        byte[] current = _segmentCipher;
        byte[] other = _segmentCipher2;
        for (int s = 0; s < _segments; s++)
        {
            _nonce[11] = (byte)s;
            _aes!.Encrypt(_nonce, _segmentPlain, current, _tag, _aad);
            hashing?.Wait();
            byte[] toHash = current;
            hashing = Task.Run(() => SHA256.HashData(toHash));
            (current, other) = (other, current);
        }

        hashing?.Wait();
    }

    /// <summary>
    /// The firmware writer as on the device: built once (its segment buffers are allocated at boot), recording onto a
    /// card whose blocks are allocated once (<see cref="PreallocatedCard"/>); frame assembly, sealing, hash chain,
    /// signatures and card writes. The recording is deleted afterwards, as after an offload.
    /// </summary>
    [Benchmark]
    public long FirmwareWriter()
    {
        RecordingWriter writer = _writer!;
        writer.Begin(0, 0, true);
        for (int i = 0; i < FrameCount; i++)
        {
            writer.AppendFrame(FrameKind.Video, true, i * 40L, _frame, 0, FrameSize);
        }

        writer.End(FrameCount * 40L);
        string name = _card!.List()[0];
        long length = _card.GetLength(name);
        _card.Delete(name);
        return length;
    }

    /// <summary>
    /// A part of the writer's work alone, for the bench command's breakdown: each frame with a 14-byte header copied
    /// into a 512 KiB segment buffer, as the writer assembles segments (no sealing, no card).
    /// </summary>
    /// <returns>The bytes copied.</returns>
    public long CopyFramesIntoSegments()
    {
        byte[] segment = _segmentCipher2;
        int at = 0;
        long total = 0;
        for (int i = 0; i < FrameCount; i++)
        {
            if (at + FrameSize + 14 > segment.Length)
            {
                at = 0;
            }

            segment[at] = (byte)i;
            Buffer.BlockCopy(_frame, 0, segment, at + 14, FrameSize);
            at += FrameSize + 14;
            total += FrameSize + 14;
        }

        return total;
    }

    /// <summary>
    /// Another part alone: the sealed segments appended to the preallocated card in records of a segment's size, as
    /// the writer stores them, then the file deleted.
    /// </summary>
    /// <returns>The bytes appended.</returns>
    public long AppendSegmentsToCard()
    {
        PreallocatedCard card = _card!;
        card.Create("part.bcr");
        for (int s = 0; s < _segments; s++)
        {
            card.Append("part.bcr", _segmentCipher, 0, _segmentCipher.Length);
        }

        long length = card.GetLength("part.bcr");
        card.Delete("part.bcr");
        return length;
    }

    /// <summary>
    /// The same recording with a new writer and a new simulated card per recording (the benchmark as it was first written):
    /// the card's blocks and the writer's segment buffers are allocated for every recording.
    /// </summary>
    [Benchmark]
    public long FirmwareWriterNewCardEachRecording() => RunWriter().OperationCount;

    /// <summary>The SDK reader: structure, chain and signatures checked, every segment decrypted and parsed.</summary>
    [Benchmark]
    public int SdkVerifyAndDecrypt()
    {
        RecordingResult result = new RecordingReader(_file).Decrypt(_devicePublicKey, _recipientPrivate);
        if (result.Status != RecordingStatus.Complete)
        {
            throw new InvalidOperationException("The benchmark recording did not verify.");
        }

        return result.Frames.Count;
    }

    private SimulatedStorage RunWriter()
    {
        SimulatedRandom random = _random!;
        SimulatedSecureElement se = _secureElement!;
        SimulatedCryptoEngine crypto = _crypto!;
        var storage = new SimulatedStorage(1L << 30);
        var store = new RecordingStore(storage, new SimulatedStorage(1L << 20), crypto, se, 0);
        var options = new RecordingWriterOptions { SegmentMaxBytes = SegmentBytes, SegmentMaxMilliseconds = 1000, FileMaxBytes = 1L << 30 };
        var writer = new RecordingWriter(options, store, crypto, se, random, new OneRecipient(_recipientPrivate));
        writer.Begin(0, 0, true);
        for (int i = 0; i < FrameCount; i++)
        {
            writer.AppendFrame(FrameKind.Video, true, i * 40L, _frame, 0, FrameSize);
        }

        writer.End(FrameCount * 40L);
        return storage;
    }

    private sealed class OneRecipient : IProvisioning
    {
        private readonly byte[] _public;

        public OneRecipient(byte[] privateKey)
        {
            _public = Bodycam.Sdk.Crypto.X25519.GetPublicKey(privateKey);
        }

        public bool IsProvisioned => true;

        public string MunicipalityId => "heerde";

        public int RecipientCount => 1;

        public void ReadRecipientKey(int index, byte[] destination, int offset) => _public.CopyTo(destination, offset);

        public void ReadAuthorityKey(byte[] destination, int offset) => Array.Clear(destination, offset, 32);
    }
}
