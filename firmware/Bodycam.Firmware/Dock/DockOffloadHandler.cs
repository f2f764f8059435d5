using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// ListRecordings, ReadRecording, ConfirmOffload, ConfirmRecording and ConfirmRecordingChain (docs/dock-protocol.md,
/// "Commands"): the offload of recording files, ending in their deletion once the host proved it holds every byte.
/// </summary>
internal sealed class DockOffloadHandler
{
    private const int MaxConfirmFiles = DockProtocol.MaxConfirmFiles;
    private const int MaxListedPerAnswer = 255;

    // The largest list entry: str8 name, str8 recording id, int64 length, uint8 flags.
    private const int ListEntryMaxSize = 1 + DockProtocol.MaxStringLength + 1 + DockProtocol.MaxStringLength + 8 + 1;

    private readonly DockExchange _x;
    private readonly byte[] _scratch;
    private readonly byte[] _digest = new byte[DockProtocol.HashSize];
    private readonly string[] _confirmNames = new string[MaxConfirmFiles];
    private readonly int[] _confirmHashOffsets = new int[MaxConfirmFiles];
    private readonly string[] _recordingNames = new string[DockProtocol.MaxRecordingFiles];
    private readonly byte[] _manifest = new byte[DockProtocol.HashSize];
    private readonly byte[] _link = new byte[DockProtocol.HashSize + 1 + DockProtocol.MaxStringLength + 8 + DockProtocol.HashSize];
    private readonly byte[] _tail = new byte[RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize];
    private string _confirmRecordingId = string.Empty;
    private int _confirmDigestAt;

    /// <summary>Initializes a new instance of the <see cref="DockOffloadHandler"/> class.</summary>
    /// <param name="exchange">What the handlers share.</param>
    public DockOffloadHandler(DockExchange exchange)
    {
        _x = exchange;
        _scratch = new byte[exchange.Options.HashChunkBytes];
    }

    /// <summary>ListRecordings: as many entries from the start index as fit one answer.</summary>
    /// <param name="requestId">The request's id.</param>
    public void List(int requestId)
    {
        int type = (int)DockCommand.ListRecordings;
        int start = _x.Request.ReadUInt16();
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        IDockRecordings recordings = _x.Recordings;
        if (start == 0)
        {
            recordings.Refresh();
        }

        int total = recordings.Count;
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteUInt16(total);
        int countAt = response.Reserve(1);
        int limit = DockProtocol.HeaderSize + _x.Options.MaxResponsePayload - ListEntryMaxSize;
        int listed = 0;
        for (int i = start; i < total && response.Position <= limit && listed < MaxListedPerAnswer; i++)
        {
            string name = recordings.GetName(i);
            response.WriteAscii(name);
            response.WriteAscii(recordings.GetRecordingId(name));
            response.WriteInt64(recordings.GetLength(name));
            response.WriteByte(recordings.IsOpen(name) ? 1 : 0);
            listed++;
        }

        response.Patch(countAt, listed);
        response.Send();
    }

    /// <summary>ReadRecording: a byte range of one file.</summary>
    /// <param name="requestId">The request's id.</param>
    public void Read(int requestId)
    {
        int type = (int)DockCommand.ReadRecording;
        string? name = ReadRecordingName();
        long position = _x.Request.ReadInt64();
        uint wanted = _x.Request.ReadUInt32();
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (name == null)
        {
            _x.SendError(type, requestId, DockError.NotFound, 0);
            return;
        }

        _x.SendRange(type, requestId, name, position, wanted, _x.Recordings.GetLength(name));
    }

    /// <summary>
    /// ConfirmOffload: every named file is hashed and compared before anything is deleted; each recording named must
    /// be confirmed whole; then each file is audited as offloaded (with the session's key), deleted, and audited as
    /// deleted.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void Confirm(int requestId)
    {
        int type = (int)DockCommand.ConfirmOffload;
        DockRequestReader request = _x.Request;
        int files = request.ReadByte();
        if (files < 1 || files > MaxConfirmFiles)
        {
            request.MarkBad();
        }

        bool missing = false;
        for (int i = 0; i < files && !request.IsBad; i++)
        {
            string? name = ReadRecordingName();
            _confirmHashOffsets[i] = request.Skip(DockProtocol.HashSize);
            if (name == null)
            {
                missing = true;
            }
            else
            {
                _confirmNames[i] = name;
            }
        }

        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (missing)
        {
            _x.SendError(type, requestId, DockError.NotFound, 0);
            return;
        }

        IDockRecordings recordings = _x.Recordings;
        for (int i = 0; i < files; i++)
        {
            if (recordings.IsOpen(_confirmNames[i]))
            {
                _x.SendError(type, requestId, DockError.Busy, (uint)i);
                return;
            }

            for (int j = 0; j < i; j++)
            {
                // Compared by value: the same file named twice is a malformed request.
                if (_confirmNames[j] == _confirmNames[i])
                {
                    _x.SendError(type, requestId, DockError.BadRequest, DockProtocol.DetailDuplicateName);
                    return;
                }
            }
        }

        // A recording is confirmed whole: every file of each recording named must be in the request.
        int total = recordings.Count;
        for (int k = 0; k < total; k++)
        {
            string other = recordings.GetName(k);
            string recording = recordings.GetRecordingId(other);
            bool touched = false;
            bool listed = false;
            for (int i = 0; i < files; i++)
            {
                touched |= recordings.GetRecordingId(_confirmNames[i]) == recording;
                listed |= _confirmNames[i] == other;
            }

            if (touched && !listed)
            {
                _x.SendError(type, requestId, DockError.BadRequest, DockProtocol.DetailIncompleteRecording);
                return;
            }
        }

        // Every file must match before anything is deleted (docs/dock-protocol.md, "ConfirmOffload").
        for (int i = 0; i < files; i++)
        {
            HashFile(_confirmNames[i]);
            if (!FixedTimeEquals(_digest, 0, request.Buffer, _confirmHashOffsets[i], DockProtocol.HashSize))
            {
                _x.SendError(type, requestId, DockError.HashMismatch, (uint)i);
                return;
            }
        }

        // Offloaded names the file and the session's key (docs/audit-trail.md); Deleted names the file alone.
        string by = _x.KeyFingerprint.SessionSuffix();
        for (int i = 0; i < files; i++)
        {
            _x.Audit.Append(AuditEventType.Offloaded, AuditTimeBase.None, 0, _confirmNames[i] + by);
        }

        for (int i = 0; i < files; i++)
        {
            recordings.DeleteOffloaded(_confirmNames[i]);
            _x.Audit.Append(AuditEventType.Deleted, AuditTimeBase.None, 0, _confirmNames[i]);
        }

        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteByte(files);
        response.Send();
    }

    /// <summary>
    /// ConfirmRecording: one whole recording (up to <see cref="DockProtocol.MaxRecordingFiles"/> files) confirmed by
    /// its file count and a manifest digest over every file's name and SHA-256 (docs/dock-protocol.md,
    /// "ConfirmRecording"); the device recomputes it over its own storage and deletes the recording only if it matches.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void ConfirmRecording(int requestId)
    {
        int type = (int)DockCommand.ConfirmRecording;
        int files = ResolveRecording(type, requestId);
        if (files < 0)
        {
            return;
        }

        // M0 = SHA-256(label || str8 recording id || uint16 n); Mi = SHA-256(M(i-1) || str8 name i || SHA-256(file i)).
        BeginManifest(DockProtocol.ConfirmLabel, files);
        for (int i = 0; i < files; i++)
        {
            HashFile(_recordingNames[i]);
            AddManifestLink(_recordingNames[i], false, 0);
        }

        if (!FixedTimeEquals(_manifest, 0, _x.Request.Buffer, _confirmDigestAt, DockProtocol.HashSize))
        {
            ClearRecordingNames();
            _x.SendError(type, requestId, DockError.HashMismatch, 0);
            return;
        }

        DeleteRecording(type, requestId, files);
    }

    /// <summary>
    /// ConfirmRecordingChain: one whole recording confirmed by its file count and a manifest digest over every file's
    /// name, length and final chain hash (docs/dock-protocol.md, "ConfirmRecordingChain"). The device reads only the
    /// last record of each file: it must be a close or closed-by-recovery record of its exact size, and the final
    /// chain hash is SHA-256 of the chain value stored in it followed by its bytes. The file is not hashed again.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void ConfirmRecordingChain(int requestId)
    {
        int type = (int)DockCommand.ConfirmRecordingChain;
        int files = ResolveRecording(type, requestId);
        if (files < 0)
        {
            return;
        }

        // M0 = SHA-256(label || str8 recording id || uint16 n);
        // Mi = SHA-256(M(i-1) || str8 name i || uint64 length i || final chain hash i).
        BeginManifest(DockProtocol.ConfirmChainLabel, files);
        IDockRecordings recordings = _x.Recordings;
        for (int i = 0; i < files; i++)
        {
            string name = _recordingNames[i];
            long length = recordings.GetLength(name);
            if (!FinalChainHash(name, length))
            {
                ClearRecordingNames();
                _x.SendError(type, requestId, DockError.HashMismatch, DockProtocol.DetailNoCloseRecordBase + (uint)i);
                return;
            }

            AddManifestLink(name, true, length);
        }

        if (!FixedTimeEquals(_manifest, 0, _x.Request.Buffer, _confirmDigestAt, DockProtocol.HashSize))
        {
            ClearRecordingNames();
            _x.SendError(type, requestId, DockError.HashMismatch, DockProtocol.DetailDigestDiffers);
            return;
        }

        DeleteRecording(type, requestId, files);
    }

    private static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
    {
        // OR-accumulating comparison: the time does not depend on where the first difference is.
        int diff = 0;
        for (int i = 0; i < count; i++)
        {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }

        return diff == 0;
    }

    // Resolves a str8 file name in the request to the recordings' own string, without allocating one; null (and,
    // for an empty or cut name, the request marked bad) when there is no such file.
    private string? ReadRecordingName()
    {
        DockRequestReader request = _x.Request;
        int length = request.ReadByte();
        int at = request.Skip(length);
        if (request.IsBad || !request.IsPrintable(at, length))
        {
            // Empty, longer than 64 bytes or holding a byte outside printable ASCII: malformed, not a missing file.
            request.MarkBad();
            return null;
        }

        IDockRecordings recordings = _x.Recordings;
        int total = recordings.Count;
        for (int i = 0; i < total; i++)
        {
            string candidate = recordings.GetName(i);
            if (request.Matches(at, length, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // Reads "str8 recording id, uint16 n, digest (32)" and checks, in this order: malformed (BadRequest 0), no such
    // recording (NotFound), n not the recording's file count (BadRequest 2), a file still being recorded (Busy, its
    // index). Returns n with the recording's files in _recordingNames (listing order) and the digest's offset in
    // _confirmDigestAt, or -1 after answering the error.
    private int ResolveRecording(int type, int requestId)
    {
        DockRequestReader request = _x.Request;
        int idLength = request.ReadByte();
        int idAt = request.Skip(idLength);
        if (!request.IsBad && !request.IsPrintable(idAt, idLength))
        {
            request.MarkBad();
        }

        int files = request.ReadUInt16();
        if (files < 1 || files > DockProtocol.MaxRecordingFiles)
        {
            request.MarkBad();
        }

        _confirmDigestAt = request.Skip(DockProtocol.HashSize);
        if (!_x.EndOfRequest(type, requestId))
        {
            return -1;
        }

        // The recording's files in listing order (continuation order).
        IDockRecordings recordings = _x.Recordings;
        int total = recordings.Count;
        int found = 0;
        string? recordingId = null;
        for (int k = 0; k < total; k++)
        {
            string name = recordings.GetName(k);
            string id = recordings.GetRecordingId(name);
            if (!request.Matches(idAt, idLength, id))
            {
                continue;
            }

            recordingId = id;
            if (found < DockProtocol.MaxRecordingFiles)
            {
                _recordingNames[found] = name;
            }

            found++;
        }

        if (recordingId == null)
        {
            _x.SendError(type, requestId, DockError.NotFound, 0);
            return -1;
        }

        _confirmRecordingId = recordingId;
        if (found != files)
        {
            ClearRecordingNames();
            _x.SendError(type, requestId, DockError.BadRequest, DockProtocol.DetailIncompleteRecording);
            return -1;
        }

        for (int i = 0; i < files; i++)
        {
            if (recordings.IsOpen(_recordingNames[i]))
            {
                ClearRecordingNames();
                _x.SendError(type, requestId, DockError.Busy, (uint)i);
                return -1;
            }
        }

        return files;
    }

    // M0 = SHA-256(label || str8 recording id || uint16 n), into _manifest.
    private void BeginManifest(string label, int files)
    {
        DockSignedMessage message = _x.Message;
        message.Begin(label);
        message.AddAscii(_confirmRecordingId);
        message.AddUInt16(files);
        _x.Crypto.Sha256Begin();
        _x.Crypto.Sha256Update(message.Buffer, 0, message.Length);
        _x.Crypto.Sha256End(_manifest, 0);
    }

    // Mi = SHA-256(M(i-1) || str8 name [|| uint64 length] || _digest), into _manifest: the file's SHA-256
    // (ConfirmRecording) or its final chain hash with its length (ConfirmRecordingChain).
    private void AddManifestLink(string name, bool withLength, long length)
    {
        Array.Copy(_manifest, 0, _link, 0, DockProtocol.HashSize);
        int n = DockResponseWriter.WriteAsciiAt(_link, DockProtocol.HashSize, name);
        if (withLength)
        {
            LittleEndian.WriteInt64(_link, n, length);
            n += 8;
        }

        Array.Copy(_digest, 0, _link, n, DockProtocol.HashSize);
        _x.Crypto.Sha256Begin();
        _x.Crypto.Sha256Update(_link, 0, n + DockProtocol.HashSize);
        _x.Crypto.Sha256End(_manifest, 0);
    }

    // The confirm holds: Offloaded for each file (its name and the session's key), then the recording deleted, Deleted
    // for each file (its name), and the answer.
    private void DeleteRecording(int type, int requestId, int files)
    {
        IDockRecordings recordings = _x.Recordings;
        string by = _x.KeyFingerprint.SessionSuffix();
        for (int i = 0; i < files; i++)
        {
            _x.Audit.Append(AuditEventType.Offloaded, AuditTimeBase.None, 0, _recordingNames[i] + by);
        }

        for (int i = 0; i < files; i++)
        {
            recordings.DeleteOffloaded(_recordingNames[i]);
            _x.Audit.Append(AuditEventType.Deleted, AuditTimeBase.None, 0, _recordingNames[i]);
            _recordingNames[i] = string.Empty;
        }

        _confirmRecordingId = string.Empty;
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteUInt16(files);
        response.Send();
    }

    // Drops the references to the names a refused confirm collected (the recordings' strings, nothing allocated).
    private void ClearRecordingNames()
    {
        for (int i = 0; i < _recordingNames.Length && _recordingNames[i] != null && _recordingNames[i].Length > 0; i++)
        {
            _recordingNames[i] = string.Empty;
        }

        _confirmRecordingId = string.Empty;
    }

    // The final chain hash of a closed file, from its last record alone, into _digest (docs/recording-format.md, "4.3"
    // and "7. Hash chain"): a file the device closed ends in a close record (type 3, body 113: the chain before it at
    // body offset 17), one closed by boot recovery in a closed-by-recovery record (type 4, body 116: at 20). The chain
    // after that record is SHA-256(chain before it || the record's bytes). False when the file ends in neither.
    private bool FinalChainHash(string name, long length)
    {
        const int CloseSize = RecordingFormat.RecordHeaderSize + RecordingFormat.CloseBodySize;
        const int RecoverySize = RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize;
        int want = length >= RecoverySize ? RecoverySize : (length >= CloseSize ? CloseSize : 0);
        if (want == 0 || !ReadFully(name, length - want, _tail, want))
        {
            return false;
        }

        int at;
        int size;
        int chainAt;
        if (want == RecoverySize && IsRecordHead(0, RecordingFormat.RecordRecoveryClose, RecordingFormat.RecoveryBodySize))
        {
            at = 0;
            size = RecoverySize;
            chainAt = RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryChainOffset;
        }
        else if (IsRecordHead(want - CloseSize, RecordingFormat.RecordClose, RecordingFormat.CloseBodySize))
        {
            at = want - CloseSize;
            size = CloseSize;
            chainAt = at + RecordingFormat.RecordHeaderSize + RecordingFormat.CloseChainOffset;
        }
        else
        {
            return false;
        }

        _x.Crypto.Sha256Begin();
        _x.Crypto.Sha256Update(_tail, chainAt, DockProtocol.HashSize);
        _x.Crypto.Sha256Update(_tail, at, size);
        _x.Crypto.Sha256End(_digest, 0);
        return true;
    }

    // A record's type byte and big-endian body length at `at` in _tail.
    private bool IsRecordHead(int at, byte type, int body)
    {
        return _tail[at] == type && BigEndian.ReadUInt32(_tail, at + 1) == (uint)body;
    }

    private bool ReadFully(string name, long position, byte[] buffer, int count)
    {
        IDockRecordings recordings = _x.Recordings;
        int done = 0;
        while (done < count)
        {
            int read = recordings.Read(name, position + done, buffer, done, count - done);
            if (read <= 0)
            {
                return false;
            }

            done += read;
        }

        return true;
    }

    private void HashFile(string name)
    {
        IDockRecordings recordings = _x.Recordings;
        long length = recordings.GetLength(name);
        long position = 0;
        _x.Crypto.Sha256Begin();
        while (position < length)
        {
            long left = length - position;
            int want = left < _scratch.Length ? (int)left : _scratch.Length;
            int read = recordings.Read(name, position, _scratch, 0, want);
            if (read <= 0)
            {
                break;
            }

            _x.Crypto.Sha256Update(_scratch, 0, read);
            position += read;
        }

        _x.Crypto.Sha256End(_digest, 0);
    }
}
