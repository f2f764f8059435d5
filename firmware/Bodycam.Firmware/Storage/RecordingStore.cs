using System;
using System.Collections;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Storage;

/// <summary>
/// The storage manager (docs/recording-format.md §5): the index of recordings on the card, free space less a
/// reserve, boot-time recovery of interrupted files, ranged reads for the dock, and deletion only after a confirmed
/// offload. Recovery never decrypts (the device cannot) and never resumes a file: it cuts a torn tail back to the
/// last complete record and appends a signed "closed by recovery" record.
/// </summary>
public class RecordingStore : IRecordingFiles
{
    private const int ChunkSize = 4096;

    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly byte[] _header = new byte[RecordingFormat.MaxHeaderSize];
    private readonly byte[] _chunk = new byte[ChunkSize];
    private readonly byte[] _chain = new byte[RecordingFormat.HashSize];
    private readonly byte[] _control = new byte[RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize];
    private readonly byte[] _signatureMessage = new byte[64 + RecordingFormat.RecoveryBodySize];
    private readonly FileScan _scan = new FileScan();

    /// <summary>Initializes a new instance of the <see cref="RecordingStore"/> class.</summary>
    /// <param name="storage">The card.</param>
    /// <param name="crypto">SHA-256 for the hash chain during recovery.</param>
    /// <param name="secureElement">The device key that signs recovery records.</param>
    /// <param name="reserveBytes">Space a new recording may not use (room to close files, the audit trail, config).</param>
    public RecordingStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement, long reserveBytes)
    {
        if (storage == null || crypto == null || secureElement == null)
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
    }

    /// <summary>Gets the card.</summary>
    public IFileStorage Storage { get; }

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

    /// <summary>
    /// Closes every interrupted recording file (run at boot, before recording starts): cuts a torn last record,
    /// appends a signed "closed by recovery" record that says how many bytes were cut, and flushes.
    /// </summary>
    /// <returns>The ids of the recordings that were recovered (each once).</returns>
    public string[] RecoverInterrupted()
    {
        var recovered = new ArrayList();
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
            if (_scan.State != RecordingState.Interrupted)
            {
                continue;
            }

            RecoverFile(names[i]);
            if (!recovered.Contains(id))
            {
                recovered.Add(id);
            }
        }

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

    private void RecoverFile(string name)
    {
        long cut = _scan.Length - _scan.CompleteLength;
        if (cut > 0)
        {
            Storage.Truncate(name, _scan.CompleteLength);
        }

        // "Closed by recovery" record (docs/recording-format.md): counts, bytes cut, last good segment, chain, signature.
        byte[] c = _control;
        c[0] = RecordingFormat.RecordRecoveryClose;
        BigEndian.WriteUInt32(c, 1, RecordingFormat.RecoveryBodySize);
        BigEndian.WriteUInt32(c, 5, _scan.Segments);
        BigEndian.WriteUInt32(c, 9, _scan.Records);
        BigEndian.WriteInt64(c, 13, cut);
        BigEndian.WriteUInt32(c, 21, _scan.Segments == 0 ? 0xFFFFFFFF : _scan.Segments - 1);
        Array.Copy(_chain, 0, c, 25, RecordingFormat.HashSize);
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
        if (RecordingHeaderLayout.Version.ReadUInt16(_header, 0) != RecordingFormat.Version
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
            bool valid = (type == RecordingFormat.RecordSegment && body >= RecordingFormat.SegmentOverhead && body <= maxSegmentBody)
                || (type == RecordingFormat.RecordCheckpoint && body == RecordingFormat.CheckpointBodySize)
                || (type == RecordingFormat.RecordClose && body == RecordingFormat.CloseBodySize)
                || (type == RecordingFormat.RecordRecoveryClose && body == RecordingFormat.RecoveryBodySize);
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
        int done = 0;
        while (done < count)
        {
            int n = Storage.Read(name, position + done, buffer, offset + done, count - done);
            if (n <= 0)
            {
                break;
            }

            done += n;
        }

        return done;
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

        public void Reset()
        {
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
