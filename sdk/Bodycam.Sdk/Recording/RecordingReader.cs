using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Reads recording files (docs/recording-format.md, version 1). <see cref="Verify"/> needs only the device's public
/// key: it checks the structure, the hash chain and the device's signatures. <see cref="Decrypt"/> also opens every
/// segment with a recipient's private key. Neither passes a partial file off as complete: see
/// <see cref="RecordingResult.Status"/>. Malformed headers throw <see cref="RecordingFormatException"/>; a key with
/// no stanza throws <see cref="WrongKeyException"/>.
/// </summary>
public sealed class RecordingReader
{
    /// <summary>The format version this reader reads.</summary>
    public const int FormatVersion = 1;

    private const int PreambleSize = 12;
    private const int FixedPrefix = 61;
    private const int FixedSuffix = 87;
    private const int StanzaSize = 113;
    private const int RecordHeaderSize = 5;
    private const int SegmentOverhead = 21;
    private const int FrameHeaderSize = 14;
    private const int CheckpointBody = 104;
    private const int CloseBody = 113;
    private const int RecoveryBody = 116;
    private const int HashSize = 32;
    private const int SignatureSize = 64;
    private const int TagSize = 16;

    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("BCAMRF");
    private static readonly byte[] s_recipientLabel = Encoding.ASCII.GetBytes("bodycam/v1/recipient");
    private static readonly byte[] s_payloadLabel = Encoding.ASCII.GetBytes("bodycam/v1/payload");
    private static readonly byte[] s_signatureLabel = Encoding.ASCII.GetBytes("bodycam/v1/record-signature");

    private readonly ReadOnlyMemory<byte> _file;

    /// <summary>Initializes a new instance of the <see cref="RecordingReader"/> class over a file's bytes.</summary>
    /// <param name="file">The whole file.</param>
    public RecordingReader(ReadOnlyMemory<byte> file)
    {
        _file = file;
    }

    /// <summary>Opens a file from disk.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The reader.</returns>
    public static RecordingReader Open(string path)
    {
        return new RecordingReader(File.ReadAllBytes(path));
    }

    /// <summary>Parses the header.</summary>
    /// <returns>The header.</returns>
    /// <exception cref="RecordingFormatException">Not a recording file, an unknown version, or a malformed or cut header.</exception>
    public RecordingHeader ReadHeader()
    {
        ReadOnlySpan<byte> f = _file.Span;
        if (f.Length < PreambleSize)
        {
            if (f.Length >= s_magic.Length && !f[..s_magic.Length].SequenceEqual(s_magic))
            {
                throw Format(RecordingFormatError.BadMagic, -1, 0, "Not a recording file.");
            }

            throw Format(RecordingFormatError.TruncatedHeader, -1, 0, "The file ends inside the header.");
        }

        if (!f[..s_magic.Length].SequenceEqual(s_magic))
        {
            throw Format(RecordingFormatError.BadMagic, -1, 0, "Not a recording file.");
        }

        int version = BinaryPrimitives.ReadUInt16BigEndian(f[6..]);
        if (version != FormatVersion)
        {
            throw Format(RecordingFormatError.UnsupportedVersion, -1, 6, "Unsupported format version " + version + ".");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(f[8..]);
        if (length < FixedPrefix + 1 + FixedSuffix + StanzaSize || length > FixedPrefix + 64 + FixedSuffix + (16 * StanzaSize))
        {
            throw Format(RecordingFormatError.MalformedHeader, -1, 8, "Impossible header length.");
        }

        if (f.Length < length)
        {
            throw Format(RecordingFormatError.TruncatedHeader, -1, f.Length, "The file ends inside the header.");
        }

        int idLength = f[60];
        if (idLength < 1 || idLength > 64)
        {
            throw Format(RecordingFormatError.MalformedHeader, -1, 60, "Bad device id length.");
        }

        int p = FixedPrefix + idLength;
        int recipients = f[p + 86];
        if (recipients < 1 || recipients > 16 || length != p + FixedSuffix + (recipients * StanzaSize))
        {
            throw Format(RecordingFormatError.MalformedHeader, -1, p + 86, "The recipient count does not match the header length.");
        }

        var stanzas = new List<RecipientStanza>(recipients);
        int s = p + FixedSuffix;
        for (int i = 0; i < recipients; i++, s += StanzaSize)
        {
            if (f[s] != 1)
            {
                throw Format(RecordingFormatError.MalformedHeader, -1, s, "Unknown recipient stanza type.");
            }

            stanzas.Add(new RecipientStanza(_file.Slice(s + 1, 32), _file.Slice(s + 33, 32), _file.Slice(s + 65, 48), s));
        }

        byte flags = f[p + 16];
        int codec = f[p + 51];
        long segmentMaxBytes = BinaryPrimitives.ReadUInt32BigEndian(f[(p + 68)..]);
        int checkpointInterval = BinaryPrimitives.ReadUInt16BigEndian(f[(p + 72)..]);
        if ((flags & 0xFE) != 0 || codec < 1 || codec > 3 || segmentMaxBytes < FrameHeaderSize || checkpointInterval < 1)
        {
            throw Format(RecordingFormatError.MalformedHeader, -1, p, "A header field is out of range.");
        }

        for (int i = 0; i < idLength; i++)
        {
            if (f[FixedPrefix + i] < 0x20 || f[FixedPrefix + i] > 0x7E)
            {
                throw Format(RecordingFormatError.MalformedHeader, -1, FixedPrefix + i, "The device id is not printable ASCII.");
            }
        }

        return new RecordingHeader
        {
            Version = version,
            Length = (int)length,
            RecordingId = Convert.ToHexStringLower(f.Slice(12, 16)),
            DevicePublicKey = _file.Slice(28, 32),
            DeviceId = Encoding.ASCII.GetString(f.Slice(FixedPrefix, idLength)),
            StartMonotonicMilliseconds = BinaryPrimitives.ReadInt64BigEndian(f[p..]),
            StartUnixMilliseconds = BinaryPrimitives.ReadInt64BigEndian(f[(p + 8)..]),
            ClockSynchronised = (flags & 1) != 0,
            ContinuationIndex = BinaryPrimitives.ReadUInt16BigEndian(f[(p + 17)..]),
            PreviousChainHash = _file.Slice(p + 19, 32),
            VideoCodec = (VideoCodec)codec,
            Width = BinaryPrimitives.ReadUInt16BigEndian(f[(p + 52)..]),
            Height = BinaryPrimitives.ReadUInt16BigEndian(f[(p + 54)..]),
            FramesPerSecond = BinaryPrimitives.ReadUInt16BigEndian(f[(p + 56)..]),
            AudioSampleRate = (int)BinaryPrimitives.ReadUInt32BigEndian(f[(p + 58)..]),
            AudioFormat = f[p + 62],
            AudioChannels = f[p + 63],
            SegmentMaxMilliseconds = BinaryPrimitives.ReadUInt32BigEndian(f[(p + 64)..]),
            SegmentMaxBytes = segmentMaxBytes,
            CheckpointInterval = checkpointInterval,
            FileMaxBytes = BinaryPrimitives.ReadInt64BigEndian(f[(p + 74)..]),
            FileMaxMilliseconds = BinaryPrimitives.ReadUInt32BigEndian(f[(p + 82)..]),
            Recipients = stanzas,
            HeaderHash = SHA256.HashData(f[..(int)length]),
        };
    }

    /// <summary>
    /// Verifies the structure, the hash chain and the device's signatures, without decrypting. Without a key the
    /// segments themselves are authenticated only by the signed chain, so a change after the last signed record of
    /// a file that is not closed cannot be seen (the status is then <see cref="RecordingStatus.Truncated"/> anyway).
    /// </summary>
    /// <param name="devicePublicKey">The device's Ed25519 public key, from a trusted source (enrolment).</param>
    /// <returns>The result.</returns>
    public RecordingResult Verify(ReadOnlySpan<byte> devicePublicKey)
    {
        return Read(devicePublicKey, ReadOnlySpan<byte>.Empty, false);
    }

    /// <summary>Verifies and decrypts with a recipient's X25519 private key.</summary>
    /// <param name="devicePublicKey">The device's Ed25519 public key, from a trusted source (enrolment).</param>
    /// <param name="recipientPrivateKey">The municipality's 32-byte X25519 private key.</param>
    /// <returns>The result with the frames and markers.</returns>
    /// <exception cref="WrongKeyException">No recipient stanza is for this key.</exception>
    public RecordingResult Decrypt(ReadOnlySpan<byte> devicePublicKey, ReadOnlySpan<byte> recipientPrivateKey)
    {
        if (recipientPrivateKey.Length != X25519.KeySize)
        {
            throw new ArgumentException("The recipient private key must be 32 bytes.", nameof(recipientPrivateKey));
        }

        return Read(devicePublicKey, recipientPrivateKey, true);
    }

    /// <summary>Checks that <paramref name="next"/> continues <paramref name="previous"/> (same recording, next index, linked chain).</summary>
    /// <param name="previous">The earlier file's result (it must have closed with reason Continued).</param>
    /// <param name="next">The next file's result.</param>
    /// <exception cref="RecordingFormatException">The files are not linked (<see cref="RecordingFormatError.ContinuationMismatch"/>).</exception>
    public static void VerifyContinuation(RecordingResult previous, RecordingResult next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        bool linked = previous.Status == RecordingStatus.Complete
            && previous.CloseReason == RecordingCloseReason.Continued
            && previous.Header.RecordingId == next.Header.RecordingId
            && next.Header.ContinuationIndex == previous.Header.ContinuationIndex + 1
            && CryptographicOperations.FixedTimeEquals(previous.Header.DevicePublicKey.Span, next.Header.DevicePublicKey.Span)
            && CryptographicOperations.FixedTimeEquals(previous.FinalChainHash.Span, next.Header.PreviousChainHash.Span);
        if (!linked)
        {
            throw Format(RecordingFormatError.ContinuationMismatch, -1, 0, "The file does not continue the previous one.");
        }
    }

    private RecordingResult Read(ReadOnlySpan<byte> devicePublicKey, ReadOnlySpan<byte> recipientPrivateKey, bool decrypt)
    {
        if (devicePublicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException("The device public key must be 32 bytes.", nameof(devicePublicKey));
        }

        RecordingHeader header = ReadHeader();
        var state = new ReadState(header);
        if (!CryptographicOperations.FixedTimeEquals(header.DevicePublicKey.Span, devicePublicKey))
        {
            return state.Fail(RecordingFormatError.DeviceKeyMismatch, -1, 28);
        }

        AesGcm256? aead = null;
        try
        {
            if (decrypt)
            {
                aead = OpenPayloadKey(header, recipientPrivateKey, state);
                if (aead is null)
                {
                    return state.Result!;
                }
            }

            return ReadRecords(header, devicePublicKey, aead, state);
        }
        finally
        {
            aead?.Dispose();
        }
    }

    private static AesGcm256? OpenPayloadKey(RecordingHeader header, ReadOnlySpan<byte> privateKey, ReadState state)
    {
        byte[] ourPublic = X25519.GetPublicKey(privateKey);
        RecipientStanza? stanza = null;
        foreach (RecipientStanza candidate in header.Recipients)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate.RecipientPublicKey.Span, ourPublic))
            {
                stanza = candidate;
                break;
            }
        }

        if (stanza is null)
        {
            throw new WrongKeyException("The recording has no recipient stanza for this key.");
        }

        byte[] shared = Array.Empty<byte>();
        byte[] wrapKey = Array.Empty<byte>();
        byte[]? contentKey = null;
        byte[] payloadKey = Array.Empty<byte>();
        try
        {
            // RFC 7748 section 6.1: an all-zero secret means a low-order ephemeral share; reject it.
            if (!X25519.TryAgree(privateKey, stanza.EphemeralPublicKey.Span, out shared))
            {
                state.Fail(RecordingFormatError.RecipientStanzaInvalid, -1, stanza.Offset);
                return null;
            }

            byte[] salt = new byte[64];
            stanza.EphemeralPublicKey.Span.CopyTo(salt);
            ourPublic.CopyTo(salt, 32);
            wrapKey = Hkdf.DeriveKey(shared, salt, s_recipientLabel, 32);
            contentKey = AesGcm256.Open(wrapKey, new byte[12], stanza.SealedContentKey.Span, ReadOnlySpan<byte>.Empty);
            if (contentKey is null)
            {
                state.Fail(RecordingFormatError.RecipientStanzaInvalid, -1, stanza.Offset);
                return null;
            }

            payloadKey = Hkdf.DeriveKey(contentKey, header.HeaderHash.Span, s_payloadLabel, 32);
            return new AesGcm256(payloadKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
            CryptographicOperations.ZeroMemory(payloadKey);
            if (contentKey is not null)
            {
                CryptographicOperations.ZeroMemory(contentKey);
            }
        }
    }

    private RecordingResult ReadRecords(RecordingHeader header, ReadOnlySpan<byte> devicePublicKey, AesGcm256? aead, ReadState state)
    {
        ReadOnlySpan<byte> f = _file.Span;
        byte[] chain = header.HeaderHash.ToArray();
        byte[] next = new byte[HashSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> aad = stackalloc byte[HashSize + 5];
        header.HeaderHash.Span.CopyTo(aad);
        long maxSegmentBody = header.SegmentMaxBytes + SegmentOverhead;
        int pos = header.Length;

        // One arena for all plaintext (never larger than the file): frames are slices of it, and a long recording
        // costs one allocation instead of one large-object allocation per segment.
        byte[] arena = aead is null ? Array.Empty<byte>() : GC.AllocateUninitializedArray<byte>(f.Length);
        int arenaUsed = 0;

        // Decrypting, the chain is hashed ahead on a second core while this one opens segments (SHA-256 and AES-GCM
        // then overlap); every link is still taken in order below and checked exactly as when hashed here.
        using ChainHasher? ahead = aead is null ? null : new ChainHasher(_file, pos, chain, maxSegmentBody);
        bool useAhead = ahead is not null;
        int index = 0;
        bool sawLast = false;
        while (true)
        {
            state.Chain = chain;
            state.Records = index;
            if (pos == f.Length)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            if (state.Closed)
            {
                return state.Fail(RecordingFormatError.TrailingData, index, pos);
            }

            if (f.Length - pos < RecordHeaderSize)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            byte type = f[pos];
            long body = BinaryPrimitives.ReadUInt32BigEndian(f[(pos + 1)..]);
            bool lengthOk;
            switch (type)
            {
                case 1:
                    lengthOk = body >= SegmentOverhead && body <= maxSegmentBody;
                    break;
                case 2:
                    lengthOk = body == CheckpointBody;
                    break;
                case 3:
                    lengthOk = body == CloseBody;
                    break;
                case 4:
                    lengthOk = body == RecoveryBody;
                    break;
                default:
                    return state.Fail(RecordingFormatError.UnknownRecordType, index, pos);
            }

            if (!lengthOk)
            {
                return state.Fail(RecordingFormatError.BadRecordLength, index, pos);
            }

            int end = (int)Math.Min(int.MaxValue, pos + RecordHeaderSize + body);
            if (end > f.Length)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            ReadOnlySpan<byte> record = f[pos..end];
            ReadOnlySpan<byte> b = record[RecordHeaderSize..];
            if (type == 1)
            {
                uint segmentIndex = BinaryPrimitives.ReadUInt32BigEndian(b);
                byte flags = b[4];
                if (sawLast)
                {
                    return state.Fail(RecordingFormatError.SegmentAfterLast, index, pos);
                }

                if (segmentIndex != (uint)state.Segments)
                {
                    return state.Fail(RecordingFormatError.SegmentOutOfOrder, index, pos);
                }

                if ((flags & 0xFE) != 0)
                {
                    return state.Fail(RecordingFormatError.BadSegmentFlags, index, pos + 9);
                }

                if (aead is not null)
                {
                    // STREAM nonce and AAD (docs/recording-format.md, "Segments").
                    nonce.Clear();
                    BinaryPrimitives.WriteUInt32BigEndian(nonce[7..], segmentIndex);
                    nonce[11] = flags;
                    BinaryPrimitives.WriteUInt32BigEndian(aad[HashSize..], segmentIndex);
                    aad[HashSize + 4] = flags;
                    int n = (int)body - SegmentOverhead;
                    var plain = new ReadOnlyMemory<byte>(arena, arenaUsed, n);
                    if (!aead.TryOpen(nonce, b.Slice(5, n), b.Slice(5 + n, TagSize), aad, arena.AsSpan(arenaUsed, n)))
                    {
                        return state.Fail(RecordingFormatError.AuthenticationFailed, index, pos);
                    }

                    arenaUsed += n;
                    if (!ParseFrames(plain, state))
                    {
                        return state.Fail(RecordingFormatError.MalformedSegmentPlaintext, index, pos);
                    }
                }

                sawLast = (flags & 1) != 0;
                state.Segments++;
            }
            else
            {
                // Signed records: counts, then the chain before this record, then the signature.
                uint segments = BinaryPrimitives.ReadUInt32BigEndian(b);
                uint records = BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
                int chainAt = type == 2 ? 8 : type == 3 ? 17 : 20;
                if (segments != (uint)state.Segments || records != (uint)index)
                {
                    return state.Fail(RecordingFormatError.CountMismatch, index, pos);
                }

                if (!CryptographicOperations.FixedTimeEquals(b.Slice(chainAt, HashSize), chain))
                {
                    return state.Fail(RecordingFormatError.ChainMismatch, index, pos);
                }

                int signed = (int)body - SignatureSize;
                byte[] message = new byte[s_signatureLabel.Length + 1 + signed];
                s_signatureLabel.CopyTo(message, 0);
                message[s_signatureLabel.Length] = type;
                b[..signed].CopyTo(message.AsSpan(s_signatureLabel.Length + 1));
                if (!Ed25519.Verify(devicePublicKey, message, b.Slice(signed, SignatureSize)))
                {
                    return state.Fail(RecordingFormatError.SignatureInvalid, index, pos);
                }

                state.SignedSegments = state.Segments;
                if (type == 3)
                {
                    byte reason = b[16];
                    if (reason < 1 || reason > 3)
                    {
                        return state.Fail(RecordingFormatError.BadCloseReason, index, pos);
                    }

                    if (!sawLast)
                    {
                        return state.Fail(RecordingFormatError.MissingLastSegment, index, pos);
                    }

                    state.CloseReason = (RecordingCloseReason)reason;
                    state.EndMonotonic = BinaryPrimitives.ReadInt64BigEndian(b[8..]);
                    state.Closed = true;
                }
                else if (type == 4)
                {
                    state.BytesCut = BinaryPrimitives.ReadInt64BigEndian(b[8..]);
                    uint lastGood = BinaryPrimitives.ReadUInt32BigEndian(b[16..]);
                    state.LastGoodSegment = lastGood == uint.MaxValue ? -1 : lastGood;
                    state.Closed = true;
                    state.Recovered = true;
                }
            }

            // h_i = SHA-256(h_{i-1} || record): the link hashed ahead if it covers exactly these bytes, else here.
            useAhead = useAhead && ahead!.TryTake(index, pos, end, next);
            if (!useAhead)
            {
                hash.AppendData(chain);
                hash.AppendData(record);
                hash.GetHashAndReset(next);
            }
            (chain, next) = (next, chain);
            pos = end;
            index++;
            if (state.Closed && pos == f.Length)
            {
                state.Chain = chain;
                state.Records = index;
                return state.Finish(state.Recovered ? RecordingStatus.ClosedByRecovery : RecordingStatus.Complete);
            }
        }
    }

    private static bool ParseFrames(ReadOnlyMemory<byte> memory, ReadState state)
    {
        int p = 0;
        ReadOnlySpan<byte> plain = memory.Span;
        while (p < plain.Length)
        {
            if (plain.Length - p < FrameHeaderSize)
            {
                return false;
            }

            byte kind = plain[p];
            byte flags = plain[p + 1];
            long timestamp = BinaryPrimitives.ReadInt64BigEndian(plain[(p + 2)..]);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(plain[(p + 10)..]);
            if ((flags & 0xFE) != 0 || length > (uint)(plain.Length - p - FrameHeaderSize))
            {
                return false;
            }

            int start = p + FrameHeaderSize;
            switch (kind)
            {
                case 1:
                case 2:
                    state.Frames.Add(new MediaFrame((MediaKind)kind, timestamp, (flags & 1) != 0, memory.Slice(start, (int)length)));
                    break;
                case 3:
                    if (length != 0)
                    {
                        return false;
                    }

                    state.Markers.Add(timestamp);
                    break;
                default:
                    return false;
            }

            p = start + (int)length;
        }

        return true;
    }

    private static RecordingFormatException Format(RecordingFormatError error, int record, long offset, string message)
    {
        return new RecordingFormatException(error, record, offset, message);
    }

    /// <summary>
    /// Hashes a file's chain on a worker thread: walks the records by their length fields (the same bounds the reader
    /// applies) and publishes each link with the record's extent, stopping at the first record it cannot delimit.
    /// The reader takes a link only when its extent matches the record it has checked, so the worker never decides
    /// anything; it only saves the reader the hashing.
    /// </summary>
    private sealed class ChainHasher : IDisposable
    {
        private readonly object _gate = new();
        private readonly List<(int Start, int End, byte[] Hash)> _links = new();
        private readonly Task _task;
        private volatile bool _stop;
        private bool _done;

        public ChainHasher(ReadOnlyMemory<byte> file, int start, byte[] headerHash, long maxSegmentBody)
        {
            byte[] first = (byte[])headerHash.Clone();
            _task = Task.Run(() => Run(file, start, first, maxSegmentBody));
        }

        public bool TryTake(int index, int start, int end, Span<byte> destination)
        {
            (int Start, int End, byte[] Hash) link;
            lock (_gate)
            {
                while (_links.Count <= index && !_done)
                {
                    Monitor.Wait(_gate);
                }

                if (_links.Count <= index)
                {
                    return false;
                }

                link = _links[index];
            }

            if (link.Start != start || link.End != end)
            {
                return false;
            }

            link.Hash.CopyTo(destination);
            return true;
        }

        public void Dispose()
        {
            _stop = true;
            _task.Wait();
        }

        private void Run(ReadOnlyMemory<byte> file, int pos, byte[] chain, long maxSegmentBody)
        {
            try
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                ReadOnlySpan<byte> f = file.Span;
                while (!_stop && f.Length - pos >= RecordHeaderSize)
                {
                    long body = BinaryPrimitives.ReadUInt32BigEndian(f[(pos + 1)..]);
                    bool lengthOk = f[pos] switch
                    {
                        1 => body >= SegmentOverhead && body <= maxSegmentBody,
                        2 => body == CheckpointBody,
                        3 => body == CloseBody,
                        4 => body == RecoveryBody,
                        _ => false,
                    };
                    long end = pos + RecordHeaderSize + body;
                    if (!lengthOk || end > f.Length)
                    {
                        break;
                    }

                    byte[] link = new byte[HashSize];
                    hash.AppendData(chain);
                    hash.AppendData(f[pos..(int)end]);
                    hash.GetHashAndReset(link);
                    lock (_gate)
                    {
                        _links.Add((pos, (int)end, link));
                        Monitor.PulseAll(_gate);
                    }

                    chain = link;
                    pos = (int)end;
                }
            }
            finally
            {
                lock (_gate)
                {
                    _done = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private sealed class ReadState
    {
        private readonly RecordingHeader _header;

        public ReadState(RecordingHeader header)
        {
            _header = header;
            Chain = header.HeaderHash.ToArray();
        }

        public List<MediaFrame> Frames { get; } = new();

        public List<long> Markers { get; } = new();

        public byte[] Chain { get; set; }

        public int Segments { get; set; }

        public int SignedSegments { get; set; }

        public int Records { get; set; }

        public bool Closed { get; set; }

        public bool Recovered { get; set; }

        public RecordingCloseReason? CloseReason { get; set; }

        public long? EndMonotonic { get; set; }

        public long BytesCut { get; set; }

        public long LastGoodSegment { get; set; } = -1;

        public RecordingResult? Result { get; private set; }

        public RecordingResult Fail(RecordingFormatError error, int record, long offset)
        {
            Result = Build(RecordingStatus.Tampered, error, record, offset);
            return Result;
        }

        public RecordingResult Finish(RecordingStatus status)
        {
            Result = Build(status, null, -1, -1);
            return Result;
        }

        private RecordingResult Build(RecordingStatus status, RecordingFormatError? error, int record, long offset)
        {
            return new RecordingResult
            {
                Status = status,
                Header = _header,
                SegmentCount = Segments,
                SignedSegmentCount = SignedSegments,
                RecordCount = Records,
                Frames = Frames.AsReadOnly(),
                Markers = Markers.AsReadOnly(),
                CloseReason = CloseReason,
                EndMonotonicMilliseconds = EndMonotonic,
                BytesCut = BytesCut,
                LastGoodSegment = LastGoodSegment,
                FinalChainHash = (byte[])Chain.Clone(),
                Error = error,
                FailedRecordIndex = record,
                FailedOffset = offset,
            };
        }
    }
}
