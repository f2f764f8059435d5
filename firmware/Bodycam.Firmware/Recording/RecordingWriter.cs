using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Recording;

/// <summary>
/// The encrypted recording writer (docs/recording-format.md, format version 2). Before a file's first byte is written
/// its name and header hash are committed to the journal of open files (<see cref="IRecordingFiles.CommitOpen"/>); the
/// header is followed by the signed open record (journal sequence, press time, header hash), so boot recovery can tell
/// the device's own interrupted files from anything else on the card. Frames are gathered into a segment of
/// at most <see cref="RecordingWriterOptions.SegmentMaxMilliseconds"/> of media and
/// <see cref="RecordingWriterOptions.SegmentMaxBytes"/>; each segment is sealed with AES-256-GCM under a payload key
/// derived from a fresh per-file content key, chained into the file's SHA-256 hash chain, appended and flushed before
/// the next one starts, so a power cut loses at most the segment in flight. Every
/// <see cref="RecordingWriterOptions.CheckpointInterval"/> segments and at close the device signs the chain.
/// The content key is sealed to each provisioned recipient and erased at once; the payload key lives in RAM only
/// until the file closes. All buffers are allocated here, once.
/// </summary>
public class RecordingWriter : IRecordingSink
{
    private const int AadSize = RecordingFormat.HashSize + 5;
    private const int SegmentRecordOverhead = RecordingFormat.RecordHeaderSize + RecordingFormat.SegmentOverhead;

    private readonly RecordingWriterOptions _options;
    private readonly IRecordingFiles _store;
    private readonly IFileStorage _storage;
    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly IRandom _random;
    private readonly IProvisioning _provisioning;
    private readonly byte[] _deviceId;
    private readonly byte[] _devicePublicKey = new byte[RecordingFormat.KeySize];

    private readonly byte[] _plain;
    private readonly byte[] _record;
    private readonly byte[] _control = new byte[RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize];
    private readonly byte[] _signatureMessage;
    private readonly byte[] _header = new byte[RecordingFormat.MaxHeaderSize];
    private readonly byte[] _headerHash = new byte[RecordingFormat.HashSize];
    private readonly byte[] _chain = new byte[RecordingFormat.HashSize];
    private readonly byte[] _previousFileHash = new byte[RecordingFormat.HashSize];
    private readonly byte[] _aad = new byte[AadSize];
    private readonly byte[] _nonce = new byte[RecordingFormat.NonceSize];
    private readonly byte[] _zeroNonce = new byte[RecordingFormat.NonceSize];
    private readonly byte[] _contentKey = new byte[RecordingFormat.KeySize];
    private readonly byte[] _payloadKey = new byte[RecordingFormat.KeySize];
    private readonly byte[] _wrapKey = new byte[RecordingFormat.KeySize];
    private readonly byte[] _sharedSecret = new byte[RecordingFormat.KeySize];
    private readonly byte[] _ephemeralPublic = new byte[RecordingFormat.KeySize];
    private readonly byte[] _recipientKey = new byte[RecordingFormat.KeySize];
    private readonly byte[] _stanzaSalt = new byte[2 * RecordingFormat.KeySize];
    private readonly byte[] _recordingIdBytes = new byte[16];

    private string _recordingId = string.Empty;
    private string _fileName = string.Empty;
    private int _fileIndex;
    private long _fileBytes;
    private long _fileStartMonotonic;
    private long _beginMonotonic;
    private long _beginUnix;
    private bool _clockSet;
    private uint _segmentIndex;
    private uint _recordsInFile;
    private int _plainLength;
    private long _segmentStart;
    private long _lastTimestamp;

    // The recording's time origin: the monotonic time file 0 starts at. Every time written to a file is counted from it
    // (docs/recording-format.md §1), so no value says how long the device had been on.
    private long _epoch;
    private long _pressMonotonic;
    private int _headerLength;

    /// <summary>Initializes a new instance of the <see cref="RecordingWriter"/> class.</summary>
    /// <param name="options">Segment, file and media settings.</param>
    /// <param name="store">The storage manager (file names, free space, the open recording).</param>
    /// <param name="crypto">AES-GCM, SHA-256 and HKDF.</param>
    /// <param name="secureElement">The device key (signatures) and ephemeral X25519 agreements.</param>
    /// <param name="random">The hardware random source (content keys, recording ids).</param>
    /// <param name="provisioning">The recipients' public keys.</param>
    public RecordingWriter(
        RecordingWriterOptions options,
        IRecordingFiles store,
        ICryptoEngine crypto,
        ISecureElement secureElement,
        IRandom random,
        IProvisioning provisioning)
    {
        if (options == null || store == null || crypto == null || secureElement == null || random == null
            || provisioning == null)
        {
            throw new ArgumentNullException(options == null ? "options" : "dependency");
        }

        if (options.SegmentMaxBytes < RecordingFormat.FrameHeaderSize || options.SegmentMaxMilliseconds <= 0
            || options.CheckpointInterval <= 0 || options.FileMaxMilliseconds <= 0)
        {
            throw new ArgumentOutOfRangeException("options", "Segment, checkpoint and file limits must be positive.");
        }

        // Bounded unsigned tail (docs/recording-format.md §8): K from 1 to 10, segment-max-ms up to 10 000 and
        // K x segment-max-ms up to 10 000 ms.
        if (options.CheckpointInterval > RecordingFormat.MaxCheckpointInterval
            || options.SegmentMaxMilliseconds > RecordingFormat.MaxSegmentMilliseconds
            || (long)options.CheckpointInterval * options.SegmentMaxMilliseconds > RecordingFormat.MaxUnsignedTailMilliseconds)
        {
            throw new ArgumentOutOfRangeException(
                "options", "checkpoint-interval must be 1 to 10 and checkpoint-interval x segment-max-ms at most 10000 ms.");
        }

        string id = options.DeviceId;
        if (id == null || id.Length == 0 || id.Length > RecordingFormat.MaxDeviceIdLength)
        {
            throw new ArgumentOutOfRangeException("options", "The device id must have 1 to 64 ASCII characters.");
        }

        for (int i = 0; i < id.Length; i++)
        {
            if (id[i] < 0x20 || id[i] > 0x7E)
            {
                throw new ArgumentOutOfRangeException("options", "The device id must be printable ASCII.");
            }
        }

        _options = options;
        _store = store;
        _storage = store.Storage;
        _crypto = crypto;
        _secureElement = secureElement;
        _random = random;
        _provisioning = provisioning;
        _deviceId = RecordingFormat.Ascii(id);

        _plain = new byte[options.SegmentMaxBytes];
        _record = new byte[SegmentRecordOverhead + options.SegmentMaxBytes];
        _signatureMessage = new byte[RecordingFormat.SignatureLabel.Length + 1 + RecordingFormat.RecoveryBodySize];

        long smallestFile = RecordingFormat.MaxHeaderSize + OpenRecordSize + (2L * _record.Length) + CloseReserveBytes;
        if (options.FileMaxBytes < smallestFile)
        {
            throw new ArgumentOutOfRangeException("options", "The file size limit must hold a header and two full segments.");
        }
    }

    /// <inheritdoc/>
    public bool IsOpen { get; private set; }

    /// <summary>Gets the id of the open recording, or an empty string.</summary>
    public string RecordingId => IsOpen ? _recordingId : string.Empty;

    /// <summary>Gets the number of files the open (or last) recording spans so far.</summary>
    public int FileCount => _fileIndex + 1;

    /// <summary>Gets the name of the file being written (or last written).</summary>
    public string CurrentFileName => _fileName;

    private static int OpenRecordSize => RecordingFormat.RecordHeaderSize + RecordingFormat.OpenBodySize;

    private static int CloseRecordSize => RecordingFormat.RecordHeaderSize + RecordingFormat.CloseBodySize;

    private static int CheckpointRecordSize => RecordingFormat.RecordHeaderSize + RecordingFormat.CheckpointBodySize;

    // Room for the largest last segment and a close: what must stay free on the card after every sealed segment.
    private int FinalReserveBytes => _record.Length + CloseRecordSize;

    private static int CloseReserveBytes =>
        SegmentRecordOverhead
        + RecordingFormat.RecordHeaderSize + RecordingFormat.CloseBodySize
        + RecordingFormat.RecordHeaderSize + RecordingFormat.CheckpointBodySize;

    /// <inheritdoc/>
    public long ReadAvailableBytes()
    {
        return _store.ReadAvailableBytes();
    }

    /// <summary>Opens a new recording without pre-record: file 0 starts at the press.</summary>
    /// <param name="monotonicMilliseconds">The monotonic time of the press.</param>
    /// <param name="unixMilliseconds">The UTC time of the press; meaningless when the clock is not set.</param>
    /// <param name="clockSet">Whether the real-time clock was set.</param>
    /// <returns>The recording's identifier (its base file name).</returns>
    public string Begin(long monotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        return Begin(monotonicMilliseconds, monotonicMilliseconds, unixMilliseconds, clockSet);
    }

    /// <inheritdoc/>
    public string Begin(long startMonotonicMilliseconds, long pressMonotonicMs, long unixMilliseconds, bool clockSet)
    {
        if (startMonotonicMilliseconds > pressMonotonicMs)
        {
            throw new ArgumentOutOfRangeException("startMonotonicMilliseconds", "File 0 cannot start after the press.");
        }

        if (IsOpen)
        {
            throw new InvalidOperationException("A recording is already open.");
        }

        int recipients = _provisioning.RecipientCount;
        if (!_provisioning.IsProvisioned || recipients < 1)
        {
            throw new InvalidOperationException("The device has no recipient key: nobody could decrypt a recording.");
        }

        if (recipients > RecordingFormat.MaxRecipients)
        {
            throw new InvalidOperationException("More recipients than the format allows.");
        }

        int headerSize = RecordingFormat.HeaderFixedPrefixSize + _deviceId.Length + RecordingFormat.HeaderFixedSuffixSize
            + (recipients * RecordingFormat.StanzaSize);
        if (_store.ReadAvailableBytes() < headerSize + OpenRecordSize + FinalReserveBytes)
        {
            throw new StorageException(StorageError.Full, "No room for a new recording.");
        }

        _random.Fill(_recordingIdBytes, 0, _recordingIdBytes.Length);
        _recordingId = Hex(_recordingIdBytes);
        _beginMonotonic = pressMonotonicMs;
        _epoch = startMonotonicMilliseconds;
        _beginUnix = unixMilliseconds;
        _pressMonotonic = pressMonotonicMs;
        _clockSet = clockSet;
        _secureElement.ReadDevicePublicKey(_devicePublicKey, 0);
        Array.Clear(_previousFileHash, 0, _previousFileHash.Length);
        try
        {
            IsOpen = true;
            _store.SetOpenRecording(_recordingId);
            OpenFile(0, startMonotonicMilliseconds, string.Empty);
        }
        catch
        {
            Abort();
            throw;
        }

        return _recordingId;
    }

    /// <inheritdoc/>
    public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        if (data == null)
        {
            throw new ArgumentNullException("data");
        }

        if (offset < 0 || count < 0 || offset + count > data.Length)
        {
            throw new ArgumentOutOfRangeException("count");
        }

        AddRecord((byte)kind, keyFrame ? (byte)1 : (byte)0, timestampMilliseconds, data, offset, count);
    }

    /// <inheritdoc/>
    public void AddMarker(long timestampMilliseconds)
    {
        AddRecord(RecordingFormat.FrameMarker, 0, timestampMilliseconds, _plain, 0, 0);
    }

    /// <inheritdoc/>
    public void End(long monotonicMilliseconds)
    {
        RequireOpen();
        try
        {
            SealSegment(true);
            WriteClose(RecordingCloseReason.Stopped, monotonicMilliseconds);
            _storage.Flush(_fileName);
            _store.CommitClosed(_fileName);
        }
        finally
        {
            Abort();
        }
    }

    /// <summary>
    /// Gives up the open recording without writing anything more (after a storage failure): keys are erased and the
    /// file is left for the storage manager's recovery at the next boot to close.
    /// </summary>
    public void Abort()
    {
        Array.Clear(_contentKey, 0, _contentKey.Length);
        Array.Clear(_payloadKey, 0, _payloadKey.Length);
        Array.Clear(_wrapKey, 0, _wrapKey.Length);
        Array.Clear(_sharedSecret, 0, _sharedSecret.Length);
        _plainLength = 0;
        if (IsOpen)
        {
            IsOpen = false;
            _store.SetOpenRecording(string.Empty);
        }
    }

    private void AddRecord(byte kind, byte flags, long timestamp, byte[] data, int offset, int count)
    {
        RequireOpen();
        int needed = RecordingFormat.FrameHeaderSize + count;
        if (needed > _plain.Length)
        {
            throw new ArgumentOutOfRangeException("count", "The frame does not fit in a segment (SegmentMaxBytes).");
        }

        if (_plainLength > 0
            && (_plainLength + needed > _plain.Length || timestamp - _segmentStart >= _options.SegmentMaxMilliseconds))
        {
            try
            {
                CompleteSegment(timestamp);
            }
            catch
            {
                Abort();
                throw;
            }
        }

        if (_plainLength == 0)
        {
            _segmentStart = timestamp;
        }

        // Frame record: kind, flags, timestamp, length, bytes (docs/recording-format.md, "Segment plaintext").
        int p = _plainLength;
        _plain[p] = kind;
        _plain[p + 1] = flags;
        BigEndian.WriteInt64(_plain, p + 2, timestamp - _epoch);
        BigEndian.WriteUInt32(_plain, p + 10, (uint)count);
        Array.Copy(data, offset, _plain, p + RecordingFormat.FrameHeaderSize, count);
        _plainLength = p + needed;
        _lastTimestamp = timestamp;
    }

    private void CompleteSegment(long now)
    {
        // Card full (docs/recording-format.md §5): the writer keeps room on the card for one full last segment and a
        // close (FinalReserveBytes) after every segment it seals, so the segment in hand and the close always fit.
        int recordLength = SegmentRecordOverhead + _plainLength;
        bool checkpointDue = (_segmentIndex + 1) % (uint)_options.CheckpointInterval == 0;
        long sealing = recordLength + (checkpointDue ? CheckpointRecordSize : 0);
        long free = _storage.ReadFreeBytes();
        if (free < sealing + FinalReserveBytes)
        {
            SealSegment(true);
            CloseForFullStorage(now);
        }

        bool sizeLimit = _fileBytes + recordLength + _record.Length + CloseReserveBytes > _options.FileMaxBytes;
        bool timeLimit = now - _fileStartMonotonic >= _options.FileMaxMilliseconds;
        if (!sizeLimit && !timeLimit)
        {
            SealSegment(false);
            return;
        }

        // Continuation (docs/recording-format.md §5): close this file, then link the next one to its final chain hash.
        // The next file needs its header, its open record and the reserve; without them the recording ends here.
        SealSegment(true);
        if (free - recordLength - CloseRecordSize < _headerLength + OpenRecordSize + FinalReserveBytes)
        {
            CloseForFullStorage(now);
        }

        WriteClose(RecordingCloseReason.Continued, now);
        _storage.Flush(_fileName);
        Array.Copy(_chain, _previousFileHash, RecordingFormat.HashSize);
        _pressMonotonic = now;
        OpenFile(_fileIndex + 1, now, _fileName);
    }

    private void CloseForFullStorage(long now)
    {
        WriteClose(RecordingCloseReason.StorageFull, now);
        _storage.Flush(_fileName);
        _store.CommitClosed(_fileName);
        Abort();
        throw new StorageException(StorageError.Full, "The storage is full; the recording was closed.");
    }

    // Opens file `index`: header, journal commit (dropping the file a continuation just closed), then the file with
    // its header and signed open record (docs/recording-format.md §4.2 and §5).
    private void OpenFile(int index, long monotonic, string closedFileName)
    {
        if (index > 999)
        {
            throw new StorageException(StorageError.Full, "A recording may span at most 1000 files.");
        }

        _fileIndex = index;
        _fileName = RecordingFormat.FileName(_recordingId, index);
        _fileStartMonotonic = monotonic;
        _segmentIndex = 0;
        _recordsInFile = 0;
        _plainLength = 0;

        int length = BuildHeader(monotonic);
        _headerLength = length;

        // Header hash H: the chain's first link, the segments' AAD, the payload key's salt.
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_header, 0, length);
        _crypto.Sha256End(_headerHash, 0);
        Array.Copy(_headerHash, _chain, RecordingFormat.HashSize);
        _crypto.HkdfSha256(_contentKey, _headerHash, RecordingFormat.PayloadLabel, _payloadKey);
        Array.Clear(_contentKey, 0, _contentKey.Length);

        uint sequence = _store.CommitOpen(_fileName, _headerHash, _pressMonotonic - _epoch, closedFileName);
        _storage.Create(_fileName);
        _storage.Append(_fileName, _header, 0, length);
        _fileBytes = length;
        WriteOpen(sequence);
        _storage.Flush(_fileName);
    }

    private int BuildHeader(long monotonic)
    {
        // Every field goes through the layout (docs/recording-format.md, "3. Header"): prefix from the file start,
        // suffix from p, the end of the device id.
        byte[] h = _header;
        RecordingHeaderLayout.Magic.WriteBytes(h, 0, RecordingFormat.Magic, 0);
        RecordingHeaderLayout.Version.WriteUInt16(h, 0, RecordingFormat.Version);
        RecordingHeaderLayout.RecordingId.WriteBytes(h, 0, _recordingIdBytes, 0);
        RecordingHeaderLayout.DeviceKey.WriteBytes(h, 0, _devicePublicKey, 0);
        RecordingHeaderLayout.DeviceIdLength.WriteByte(h, 0, _deviceId.Length);
        Array.Copy(_deviceId, 0, h, RecordingHeaderLayout.DeviceId.Offset, _deviceId.Length);
        int p = RecordingHeaderLayout.SuffixOrigin(_deviceId.Length);
        RecordingHeaderLayout.StartMonotonic.WriteInt64(h, p, monotonic - _epoch);
        // Without a set clock there is no UTC time to state: 0 (the flag says so), never an offset from 0 that a
        // pre-record would make negative.
        RecordingHeaderLayout.StartUtc.WriteInt64(h, p, _clockSet ? _beginUnix + (monotonic - _beginMonotonic) : 0);
        RecordingHeaderLayout.Flags.WriteByte(h, p, _clockSet ? 1 : 0);
        RecordingHeaderLayout.ContinuationIndex.WriteUInt16(h, p, _fileIndex);
        RecordingHeaderLayout.PreviousChainHash.WriteBytes(h, p, _previousFileHash, 0);
        RecordingHeaderLayout.VideoCodec.WriteByte(h, p, (int)_options.VideoCodec);
        RecordingHeaderLayout.Width.WriteUInt16(h, p, _options.Width);
        RecordingHeaderLayout.Height.WriteUInt16(h, p, _options.Height);
        RecordingHeaderLayout.FramesPerSecond.WriteUInt16(h, p, _options.FramesPerSecond);
        RecordingHeaderLayout.AudioSampleRate.WriteUInt32(h, p, (uint)_options.AudioSampleRate);
        RecordingHeaderLayout.AudioFormat.WriteByte(h, p, (int)_options.AudioFormat);
        RecordingHeaderLayout.AudioChannels.WriteByte(h, p, _options.AudioChannels);
        RecordingHeaderLayout.SegmentMaxMilliseconds.WriteUInt32(h, p, (uint)_options.SegmentMaxMilliseconds);
        RecordingHeaderLayout.SegmentMaxBytes.WriteUInt32(h, p, (uint)_options.SegmentMaxBytes);
        RecordingHeaderLayout.CheckpointInterval.WriteUInt16(h, p, _options.CheckpointInterval);
        RecordingHeaderLayout.FileMaxBytes.WriteInt64(h, p, _options.FileMaxBytes);
        RecordingHeaderLayout.FileMaxMilliseconds.WriteUInt32(h, p, (uint)_options.FileMaxMilliseconds);
        int recipients = _provisioning.RecipientCount;
        RecordingHeaderLayout.RecipientCount.WriteByte(h, p, recipients);
        p = RecordingHeaderLayout.RecipientStanzas.At(p);

        // A fresh content key for this file; sealed to every recipient (age-style X25519 stanzas).
        _random.Fill(_contentKey, 0, _contentKey.Length);
        for (int i = 0; i < recipients; i++)
        {
            _provisioning.ReadRecipientKey(i, _recipientKey, 0);
            _secureElement.AgreeEphemeral(_recipientKey, _ephemeralPublic, _sharedSecret);

            // RFC 7748 section 6.1: an all-zero secret means a low-order recipient key; refuse it.
            int acc = 0;
            for (int j = 0; j < _sharedSecret.Length; j++)
            {
                acc |= _sharedSecret[j];
            }

            if (acc == 0)
            {
                Array.Clear(_contentKey, 0, _contentKey.Length);
                throw new InvalidOperationException("A recipient key is not usable (low-order X25519 point).");
            }

            Array.Copy(_ephemeralPublic, 0, _stanzaSalt, 0, 32);
            Array.Copy(_recipientKey, 0, _stanzaSalt, 32, 32);
            _crypto.HkdfSha256(_sharedSecret, _stanzaSalt, RecordingFormat.RecipientLabel, _wrapKey);
            Array.Clear(_sharedSecret, 0, _sharedSecret.Length);

            RecordingHeaderLayout.StanzaType.WriteByte(h, p, RecordingFormat.StanzaX25519);
            RecordingHeaderLayout.StanzaRecipientKey.WriteBytes(h, p, _recipientKey, 0);
            RecordingHeaderLayout.StanzaEphemeralKey.WriteBytes(h, p, _ephemeralPublic, 0);

            // Each wrap key seals exactly one message, so the all-zero nonce is never reused under it.
            _crypto.AesGcmSeal(
                _wrapKey,
                _zeroNonce,
                h,
                0,
                0,
                _contentKey,
                0,
                RecordingHeaderLayout.StanzaSealedKey.Length,
                h,
                RecordingHeaderLayout.StanzaSealedKey.At(p),
                h,
                RecordingHeaderLayout.StanzaTag.At(p));
            Array.Clear(_wrapKey, 0, _wrapKey.Length);
            p += RecordingFormat.StanzaSize;
        }

        RecordingHeaderLayout.HeaderLength.WriteUInt32(h, 0, (uint)p);
        return p;
    }

    private void SealSegment(bool last)
    {
        int n = _plainLength;
        uint index = _segmentIndex;
        byte flags = last ? (byte)1 : (byte)0;
        int recordLength = SegmentRecordOverhead + n;

        _record[0] = RecordingFormat.RecordSegment;
        BigEndian.WriteUInt32(_record, 1, (uint)(recordLength - RecordingFormat.RecordHeaderSize));
        BigEndian.WriteUInt32(_record, 5, index);
        _record[9] = flags;

        // STREAM nonce (docs/recording-format.md "Segments"): 11-byte big-endian counter, then the last-segment flag.
        BigEndian.WriteUInt32(_nonce, 7, index);
        _nonce[11] = flags;

        // AAD binds the header hash, the index and the flags.
        Array.Copy(_headerHash, 0, _aad, 0, RecordingFormat.HashSize);
        BigEndian.WriteUInt32(_aad, 32, index);
        _aad[36] = flags;

        _crypto.AesGcmSeal(_payloadKey, _nonce, _aad, 0, AadSize, _plain, 0, n, _record, 10, _record, 10 + n);
        _storage.Append(_fileName, _record, 0, recordLength);
        Chain(_record, recordLength);
        _fileBytes += recordLength;
        _segmentIndex = index + 1;
        _recordsInFile++;
        _plainLength = 0;

        if (last)
        {
            return;
        }

        if (_segmentIndex % (uint)_options.CheckpointInterval == 0)
        {
            WriteCheckpoint();
        }

        _storage.Flush(_fileName);
    }

    private void WriteOpen(uint sequence)
    {
        // Open record (docs/recording-format.md §4.2): sequence, press time, chain hash before it (= the header hash).
        byte[] c = _control;
        c[0] = RecordingFormat.RecordOpen;
        BigEndian.WriteUInt32(c, 1, RecordingFormat.OpenBodySize);
        BigEndian.WriteUInt32(c, 5, sequence);
        BigEndian.WriteInt64(c, 9, _pressMonotonic - _epoch);
        Array.Copy(_chain, 0, c, 17, RecordingFormat.HashSize);
        SignAndAppend(RecordingFormat.OpenBodySize);
    }

    private void WriteCheckpoint()
    {
        byte[] c = _control;
        c[0] = RecordingFormat.RecordCheckpoint;
        BigEndian.WriteUInt32(c, 1, RecordingFormat.CheckpointBodySize);
        BigEndian.WriteUInt32(c, 5, _segmentIndex);
        BigEndian.WriteUInt32(c, 9, _recordsInFile);
        Array.Copy(_chain, 0, c, 13, RecordingFormat.HashSize);
        SignAndAppend(RecordingFormat.CheckpointBodySize);
    }

    private void WriteClose(RecordingCloseReason reason, long monotonic)
    {
        byte[] c = _control;
        c[0] = RecordingFormat.RecordClose;
        BigEndian.WriteUInt32(c, 1, RecordingFormat.CloseBodySize);
        BigEndian.WriteUInt32(c, 5, _segmentIndex);
        BigEndian.WriteUInt32(c, 9, _recordsInFile);
        BigEndian.WriteInt64(c, 13, monotonic - _epoch);
        c[21] = (byte)reason;
        Array.Copy(_chain, 0, c, RecordingFormat.RecordHeaderSize + RecordingFormat.CloseChainOffset, RecordingFormat.HashSize);
        SignAndAppend(RecordingFormat.CloseBodySize);
    }

    private void SignAndAppend(int bodySize)
    {
        int signed = RecordingFormat.SignControlRecord(_control, bodySize, _signatureMessage, _secureElement);
        _storage.Append(_fileName, _control, 0, signed);
        Chain(_control, signed);
        _fileBytes += signed;
        _recordsInFile++;
    }

    private void Chain(byte[] record, int length)
    {
        // h_i = SHA-256(h_{i-1} || record bytes) (docs/recording-format.md, "Hash chain").
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_chain, 0, RecordingFormat.HashSize);
        _crypto.Sha256Update(record, 0, length);
        _crypto.Sha256End(_chain, 0);
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("No recording is open.");
        }
    }

    private static string Hex(byte[] bytes)
    {
        char[] chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigit(bytes[i] >> 4);
            chars[(2 * i) + 1] = HexDigit(bytes[i] & 0xF);
        }

        return new string(chars);
    }

    private static char HexDigit(int value)
    {
        return (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
