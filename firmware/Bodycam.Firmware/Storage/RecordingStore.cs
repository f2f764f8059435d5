using System;
using System.Collections;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Storage;

/// <summary>
/// The storage manager (docs/recording-format.md §5): the index of recordings on the card, free space less a
/// reserve, the journal of open files, boot-time recovery of interrupted files, ranged reads for the dock, and
/// deletion only after a confirmed offload. Recovery never decrypts (the device cannot) and never resumes a file: it
/// closes only files in the journal whose header hash and open record match and whose chain it can continue, by
/// cutting a torn tail back to the last complete record and appending a signed "closed by recovery" record. Every
/// other recording file without a close is foreign: left untouched, unsigned, and reported.
/// </summary>
public class RecordingStore : IRecordingFiles
{
    private const int ChunkSize = 4096;

    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly byte[] _header = new byte[RecordingFormat.MaxHeaderSize];
    private readonly byte[] _chunk = new byte[ChunkSize];
    private readonly byte[] _chain = new byte[RecordingFormat.HashSize];
    private readonly byte[] _headerHash = new byte[RecordingFormat.HashSize];
    private readonly byte[] _devicePublicKey = new byte[RecordingFormat.KeySize];
    private readonly byte[] _control = new byte[RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize];
    private readonly byte[] _signatureMessage = new byte[64 + RecordingFormat.RecoveryBodySize];
    private readonly FileScan _scan = new FileScan();
    private readonly RecordingJournal _journal;
    private bool _journalLoaded;
    private string[] _foreign = new string[0];

    /// <summary>
    /// Initializes a new instance of the <see cref="RecordingStore"/> class with the journal of open files on the card
    /// itself: for tools and tests only (a card swap can then replay the journal; the device passes its internal
    /// storage, see the other constructor).
    /// </summary>
    /// <param name="storage">The card.</param>
    /// <param name="crypto">SHA-256 for the hash chain during recovery.</param>
    /// <param name="secureElement">The device key that signs recovery records.</param>
    /// <param name="reserveBytes">Space a new recording may not use (room to close files, the audit trail, config).</param>
    public RecordingStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement, long reserveBytes)
        : this(storage, storage, crypto, secureElement, reserveBytes)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordingStore"/> class.</summary>
    /// <param name="storage">The card.</param>
    /// <param name="internalStorage">Device-internal storage a card swap cannot reach: holds the journal of open files.</param>
    /// <param name="crypto">SHA-256 for the hash chain during recovery.</param>
    /// <param name="secureElement">The device key that signs recovery records.</param>
    /// <param name="reserveBytes">Space a new recording may not use (room to close files, the audit trail, config).</param>
    public RecordingStore(IFileStorage storage, IFileStorage internalStorage, ICryptoEngine crypto, ISecureElement secureElement, long reserveBytes)
    {
        if (storage == null || internalStorage == null || crypto == null || secureElement == null)
        {
            throw new ArgumentNullException(storage == null ? "storage" : "dependency");
        }

        if (reserveBytes < 0)
        {
            throw new ArgumentOutOfRangeException("reserveBytes");
        }

        Storage = storage;
        _crypto = crypto;
        _secureElement = secureElement;
        ReserveBytes = reserveBytes;
        OpenRecordingId = string.Empty;
        _journal = new RecordingJournal(internalStorage, crypto, secureElement);
    }

    /// <summary>Gets the card.</summary>
    public IFileStorage Storage { get; }

    /// <summary>Gets the journal of open files (loaded at first use).</summary>
    public RecordingJournal Journal
    {
        get
        {
            EnsureJournal();
            return _journal;
        }
    }

    /// <summary>
    /// Gets the names of the foreign files the last <see cref="RecoverInterrupted"/> found: recording files without a
    /// close that recovery may not close (not in the journal, header hash or open record not matching, a version 1
    /// file, a malformed header, a chain it cannot continue). They are left untouched.
    /// </summary>
    public string[] ForeignFiles => _foreign;

    /// <summary>Gets the space new recordings may not use.</summary>
    public long ReserveBytes { get; }

    /// <summary>Gets the id of the recording being written, or an empty string.</summary>
    public string OpenRecordingId { get; private set; }

    /// <summary>Reads how many bytes recordings may still use: free space less the reserve (never negative).</summary>
    /// <returns>Bytes available.</returns>
    public long ReadAvailableBytes()
    {
        long available = Storage.ReadFreeBytes() - ReserveBytes;
        return available < 0 ? 0 : available;
    }

    /// <summary>Tells the store which recording the writer has open (an empty string for none).</summary>
    /// <param name="recordingId">The recording id.</param>
    public void SetOpenRecording(string recordingId)
    {
        OpenRecordingId = recordingId == null ? string.Empty : recordingId;
    }

    /// <inheritdoc/>
    public uint CommitOpen(string fileName, byte[] headerHash, long pressTime, string closedFileName)
    {
        EnsureJournal();
        return _journal.Commit(fileName, headerHash, pressTime, closedFileName);
    }

    /// <inheritdoc/>
    public void CommitClosed(string fileName)
    {
        EnsureJournal();
        _journal.Remove(fileName);
    }

    /// <summary>
    /// Closes the device's own interrupted files (run at boot, before recording starts; docs/recording-format.md §5):
    /// a file is closed only when the journal names it, its header hashes to the journal's header hash, its open record
    /// carries the journal's sequence and the device's signature (or was torn before it was complete), and its records
    /// parse to the end; then a torn last record is cut, a signed "closed by recovery" record that says how many bytes
    /// were cut is appended and flushed, and the journal entry removed. A file in the journal that already has a close
    /// is only removed from the journal. Every other file without a close is left untouched and listed in
    /// <see cref="ForeignFiles"/>.
    /// </summary>
    /// <returns>The ids of the recordings that were recovered (each once).</returns>
    public string[] RecoverInterrupted()
    {
        EnsureJournal();
        var recovered = new ArrayList();
        var foreign = new ArrayList();
        string[] names = Storage.List();
        for (int i = 0; i < names.Length; i++)
        {
            string id;
            int index;
            if (!RecordingFormat.TryParseFileName(names[i], out id, out index) || id == OpenRecordingId)
            {
                continue;
            }

            Scan(names[i], true);
            int entry = _journal.IndexOf(names[i]);
            if (_scan.State == RecordingState.Closed || _scan.State == RecordingState.Recovered)
            {
                if (entry >= 0)
                {
                    // Closed before the journal entry was removed: never close it again.
                    _journal.Remove(names[i]);
                }

                continue;
            }

            if (entry < 0 || !CanRecover(entry))
            {
                // Foreign: the device did not open it, or cannot prove it did. A mismatching entry stays in the
                // journal (the device's own file may be on another card).
                foreign.Add(names[i]);
                continue;
            }

            RecoverFile(names[i], entry);
            _journal.Remove(names[i]);
            if (!recovered.Contains(id))
            {
                recovered.Add(id);
            }
        }

        _foreign = ToStrings(foreign);
        return ToStrings(recovered);
    }

    /// <summary>Lists the recordings on the card.</summary>
    /// <returns>One entry per recording, in no particular order.</returns>
    public RecordingInfo[] ListRecordings()
    {
        var ids = new ArrayList();
        string[] names = Storage.List();
        for (int i = 0; i < names.Length; i++)
        {
            string id;
            int index;
            if (RecordingFormat.TryParseFileName(names[i], out id, out index) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        var result = new RecordingInfo[ids.Count];
        for (int r = 0; r < result.Length; r++)
        {
            string id = (string)ids[r]!;
            string[] files = ListFiles(id);
            long total = 0;
            long startUnix = 0;
            bool synced = false;
            RecordingState state = RecordingState.Closed;
            for (int f = 0; f < files.Length; f++)
            {
                Scan(files[f], false);
                total += _scan.Length;
                if (f == 0)
                {
                    startUnix = _scan.StartUnix;
                    synced = _scan.ClockSynchronised;
                }

                state = Worse(state, _scan.State);
            }

            if (id == OpenRecordingId)
            {
                state = RecordingState.Open;
            }

            result[r] = new RecordingInfo(id, files, total, state, startUnix, synced);
        }

        return result;
    }

    /// <summary>Lists a recording's files, first file first.</summary>
    /// <param name="recordingId">The recording id.</param>
    /// <returns>The file names (empty when there is no such recording).</returns>
    public string[] ListFiles(string recordingId)
    {
        string[] names = Storage.List();
        var files = new ArrayList();
        var order = new ArrayList();
        for (int i = 0; i < names.Length; i++)
        {
            string id;
            int index;
            if (RecordingFormat.TryParseFileName(names[i], out id, out index) && id == recordingId)
            {
                // Insertion sort by continuation index (a recording has few files).
                int at = 0;
                while (at < order.Count && (int)order[at]! < index)
                {
                    at++;
                }

                order.Insert(at, index);
                files.Insert(at, names[i]);
            }
        }

        return ToStrings(files);
    }

    /// <summary>Gets a recording file's length.</summary>
    /// <param name="fileName">A name from <see cref="ListFiles"/>.</param>
    /// <returns>The length in bytes.</returns>
    public long GetFileLength(string fileName)
    {
        RequireRecordingFile(fileName);
        return Storage.GetLength(fileName);
    }

    /// <summary>Reads a range of a recording file (the dock's resumable read).</summary>
    /// <param name="fileName">A name from <see cref="ListFiles"/>.</param>
    /// <param name="position">The position in the file.</param>
    /// <param name="buffer">The destination.</param>
    /// <param name="offset">The first byte of the destination.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <returns>The bytes read; 0 at the end.</returns>
    public int ReadFile(string fileName, long position, byte[] buffer, int offset, int count)
    {
        RequireRecordingFile(fileName);
        return Storage.Read(fileName, position, buffer, offset, count);
    }

    /// <summary>
    /// Deletes a recording's files. Call only after the host has confirmed it holds the whole verified recording
    /// (the dock's confirm-offload command); there is no other way to delete a recording.
    /// </summary>
    /// <param name="recordingId">The recording id.</param>
    /// <returns>The number of files deleted.</returns>
    /// <exception cref="InvalidOperationException">The recording is being written.</exception>
    /// <exception cref="StorageException">No such recording (<see cref="StorageError.NotFound"/>), or the card failed.</exception>
    public int DeleteOffloaded(string recordingId)
    {
        if (recordingId == null || recordingId.Length == 0)
        {
            throw new ArgumentNullException("recordingId");
        }

        if (recordingId == OpenRecordingId)
        {
            throw new InvalidOperationException("The recording is being written.");
        }

        string[] files = ListFiles(recordingId);
        if (files.Length == 0)
        {
            throw new StorageException(StorageError.NotFound, "No such recording.");
        }

        for (int i = 0; i < files.Length; i++)
        {
            Storage.Delete(files[i]);
        }

        return files.Length;
    }

    private void EnsureJournal()
    {
        if (!_journalLoaded)
        {
            _journal.Load();
            _secureElement.ReadDevicePublicKey(_devicePublicKey, 0);
            _journalLoaded = true;
        }
    }

    // The scan (with hashing) left the header hash and the open record's fields in _scan: does the journal entry match?
    private bool CanRecover(int entry)
    {
        FileScan s = _scan;
        if (s.State != RecordingState.Interrupted || s.Version != RecordingFormat.Version
            || !_journal.HeaderHashEquals(entry, _headerHash, 0))
        {
            return false;
        }

        if (s.Records == 0)
        {
            // Torn before the open record was complete: recovery writes it from the journal.
            return true;
        }

        return s.OpenValid && s.OpenSequence == _journal.SequenceAt(entry) && s.OpenPressTime == _journal.PressTimeAt(entry);
    }

    private void RecoverFile(string name, int entry)
    {
        long cut = _scan.Length - _scan.CompleteLength;
        if (cut > 0)
        {
            Storage.Truncate(name, _scan.CompleteLength);
        }

        if (_scan.Records == 0)
        {
            // The open record the writer would have written (the journal holds its sequence and press time).
            byte[] o = _control;
            o[0] = RecordingFormat.RecordOpen;
            BigEndian.WriteUInt32(o, 1, RecordingFormat.OpenBodySize);
            BigEndian.WriteUInt32(o, 5, _journal.SequenceAt(entry));
            BigEndian.WriteInt64(o, 9, _journal.PressTimeAt(entry));
            Array.Copy(_headerHash, 0, o, 17, RecordingFormat.HashSize);
            int openLength = RecordingFormat.SignControlRecord(o, RecordingFormat.OpenBodySize, _signatureMessage, _secureElement);
            Storage.Append(name, o, 0, openLength);
            ChainBytes(o, openLength);
            _scan.Records = 1;
        }

        // "Closed by recovery" record (docs/recording-format.md): counts, bytes cut, last good segment, chain, signature.
        byte[] c = _control;
        c[0] = RecordingFormat.RecordRecoveryClose;
        BigEndian.WriteUInt32(c, 1, RecordingFormat.RecoveryBodySize);
        BigEndian.WriteUInt32(c, 5, _scan.Segments);
        BigEndian.WriteUInt32(c, 9, _scan.Records);
        BigEndian.WriteInt64(c, 13, cut);
        BigEndian.WriteUInt32(c, 21, _scan.Segments == 0 ? 0xFFFFFFFF : _scan.Segments - 1);
        Array.Copy(_chain, 0, c, RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryChainOffset, RecordingFormat.HashSize);
        int length = RecordingFormat.SignControlRecord(c, RecordingFormat.RecoveryBodySize, _signatureMessage, _secureElement);
        Storage.Append(name, c, 0, length);
        Storage.Flush(name);
    }

    private void Scan(string name, bool hash)
    {
        FileScan s = _scan;
        s.Reset();
        long length = Storage.GetLength(name);
        s.Length = length;
        s.State = RecordingState.Damaged;
        if (length < RecordingFormat.PreambleSize
            || ReadFully(name, 0, _header, 0, RecordingFormat.PreambleSize) != RecordingFormat.PreambleSize)
        {
            return;
        }

        for (int i = 0; i < RecordingFormat.Magic.Length; i++)
        {
            if (_header[i] != RecordingFormat.Magic[i])
            {
                return;
            }
        }

        long headerLength = RecordingHeaderLayout.HeaderLength.ReadUInt32(_header, 0);
        int version = RecordingHeaderLayout.Version.ReadUInt16(_header, 0);
        s.Version = version;
        if ((version != RecordingFormat.Version && version != RecordingFormat.Version1)
            || headerLength < RecordingFormat.HeaderFixedPrefixSize + RecordingFormat.HeaderFixedSuffixSize
            || headerLength > RecordingFormat.MaxHeaderSize || length < headerLength)
        {
            return;
        }

        int h = (int)headerLength;
        ReadFully(name, 0, _header, 0, h);
        int p = RecordingHeaderLayout.SuffixOrigin(RecordingHeaderLayout.DeviceIdLength.ReadByte(_header, 0));
        if (p + RecordingFormat.HeaderFixedSuffixSize > h)
        {
            return;
        }

        int recipients = RecordingHeaderLayout.RecipientCount.ReadByte(_header, p);
        if (h != p + RecordingFormat.HeaderFixedSuffixSize + (recipients * RecordingFormat.StanzaSize))
        {
            return;
        }

        s.StartUnix = RecordingHeaderLayout.StartUtc.ReadInt64(_header, p);
        s.ClockSynchronised = (RecordingHeaderLayout.Flags.ReadByte(_header, p) & 1) != 0;
        long maxSegmentBody = RecordingHeaderLayout.SegmentMaxBytes.ReadUInt32(_header, p) + (long)RecordingFormat.SegmentOverhead;
        if (hash)
        {
            _crypto.Sha256Begin();
            _crypto.Sha256Update(_header, 0, h);
            _crypto.Sha256End(_chain, 0);
            Array.Copy(_chain, _headerHash, RecordingFormat.HashSize);
        }

        long pos = h;
        while (pos < length)
        {
            if (length - pos < RecordingFormat.RecordHeaderSize)
            {
                break;
            }

            ReadFully(name, pos, _chunk, 0, RecordingFormat.RecordHeaderSize);
            byte type = _chunk[0];
            long body = BigEndian.ReadUInt32(_chunk, 1);
            // Version 2: the open record comes first, exactly once (docs/recording-format.md §4.2).
            bool first = s.Records == 0;
            bool open = type == RecordingFormat.RecordOpen && body == RecordingFormat.OpenBodySize;
            bool valid = version == RecordingFormat.Version
                ? (first ? open : (type != RecordingFormat.RecordOpen && IsKnownRecord(type, body, maxSegmentBody)))
                : IsKnownRecord(type, body, maxSegmentBody);
            if (!valid)
            {
                // Not a torn write (those only lose a suffix): leave the file as it is for the host to examine.
                return;
            }

            long end = pos + RecordingFormat.RecordHeaderSize + body;
            if (end > length)
            {
                break;
            }

            if (hash && open)
            {
                CheckOpenRecord(name, pos);
            }

            if (hash)
            {
                HashRange(name, pos, end);
            }

            if (type == RecordingFormat.RecordSegment)
            {
                s.Segments++;
            }

            s.Records++;
            pos = end;
            if (type == RecordingFormat.RecordClose || type == RecordingFormat.RecordRecoveryClose)
            {
                s.CompleteLength = pos;
                if (pos == length)
                {
                    s.State = type == RecordingFormat.RecordClose ? RecordingState.Closed : RecordingState.Recovered;
                }

                return;
            }
        }

        s.CompleteLength = pos;
        s.State = RecordingState.Interrupted;
    }

    private static bool IsKnownRecord(byte type, long body, long maxSegmentBody)
    {
        return (type == RecordingFormat.RecordSegment && body >= RecordingFormat.SegmentOverhead && body <= maxSegmentBody)
            || (type == RecordingFormat.RecordCheckpoint && body == RecordingFormat.CheckpointBodySize)
            || (type == RecordingFormat.RecordClose && body == RecordingFormat.CloseBodySize)
            || (type == RecordingFormat.RecordRecoveryClose && body == RecordingFormat.RecoveryBodySize);
    }

    // Reads the complete open record at pos and checks its chain field (= header hash) and the device's signature.
    private void CheckOpenRecord(string name, long pos)
    {
        FileScan s = _scan;
        int length = RecordingFormat.RecordHeaderSize + RecordingFormat.OpenBodySize;
        byte[] c = _control;
        if (ReadFully(name, pos, c, 0, length) != length)
        {
            return;
        }

        s.OpenSequence = BigEndian.ReadUInt32(c, 5);
        s.OpenPressTime = BigEndian.ReadInt64(c, 9);
        int diff = 0;
        for (int i = 0; i < RecordingFormat.HashSize; i++)
        {
            diff |= c[17 + i] ^ _headerHash[i];
        }

        int label = RecordingFormat.SignatureLabel.Length;
        int signed = RecordingFormat.OpenBodySize - RecordingFormat.SignatureSize;
        Array.Copy(RecordingFormat.SignatureLabel, 0, _signatureMessage, 0, label);
        _signatureMessage[label] = c[0];
        Array.Copy(c, RecordingFormat.RecordHeaderSize, _signatureMessage, label + 1, signed);
        bool signature = _crypto.Ed25519Verify(
            _devicePublicKey, _signatureMessage, 0, label + 1 + signed, c, RecordingFormat.RecordHeaderSize + signed);
        s.OpenValid = diff == 0 && signature;
    }

    private void ChainBytes(byte[] record, int length)
    {
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_chain, 0, RecordingFormat.HashSize);
        _crypto.Sha256Update(record, 0, length);
        _crypto.Sha256End(_chain, 0);
    }

    private void HashRange(string name, long start, long end)
    {
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_chain, 0, RecordingFormat.HashSize);
        long pos = start;
        while (pos < end)
        {
            long left = end - pos;
            int n = left < ChunkSize ? (int)left : ChunkSize;
            ReadFully(name, pos, _chunk, 0, n);
            _crypto.Sha256Update(_chunk, 0, n);
            pos += n;
        }

        _crypto.Sha256End(_chain, 0);
    }

    private int ReadFully(string name, long position, byte[] buffer, int offset, int count)
    {
        return FileStorageReads.ReadFully(Storage, name, position, buffer, offset, count);
    }

    private static void RequireRecordingFile(string fileName)
    {
        string id;
        int index;
        if (!RecordingFormat.TryParseFileName(fileName, out id, out index))
        {
            throw new StorageException(StorageError.NotFound, "Not a recording file.");
        }
    }

    private static RecordingState Worse(RecordingState a, RecordingState b)
    {
        return Rank(b) > Rank(a) ? b : a;
    }

    private static int Rank(RecordingState state)
    {
        switch (state)
        {
            case RecordingState.Damaged:
                return 4;
            case RecordingState.Interrupted:
                return 3;
            case RecordingState.Recovered:
                return 2;
            default:
                return 1;
        }
    }

    private static string[] ToStrings(ArrayList list)
    {
        string[] result = new string[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (string)list[i]!;
        }

        return result;
    }

    private sealed class FileScan
    {
        public RecordingState State;
        public long Length;
        public long CompleteLength;
        public uint Segments;
        public uint Records;
        public long StartUnix;
        public bool ClockSynchronised;
        public int Version;
        public bool OpenValid;
        public uint OpenSequence;
        public long OpenPressTime;

        public void Reset()
        {
            Version = 0;
            OpenValid = false;
            OpenSequence = 0;
            OpenPressTime = 0;
            State = RecordingState.Damaged;
            Length = 0;
            CompleteLength = 0;
            Segments = 0;
            Records = 0;
            StartUnix = 0;
            ClockSynchronised = false;
        }
    }
}
