using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Persistence;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Storage;

/// <summary>
/// The journal of open recording files (docs/recording-format.md §5, "Journal and recovery"): for every file the
/// writer has open, its name, its header hash and its open sequence number, committed before the file's first byte is
/// written and removed after its close (or recovery) record is flushed. It also keeps the file's press time, so recovery
/// can complete an open record that a power cut tore. It lives in device-internal storage that a
/// card swap cannot reach, in two alternating copies signed by the device key (<see cref="SignedCopyStore"/>), each
/// with a write generation: a power cut during a write leaves the previous copy in force. Boot recovery closes only
/// files named here whose header hash and open record match.
/// <para>
/// A copy's record: format (1, = 1), generation (u32 BE), next open sequence (u32 BE), entry count (1), then per
/// entry: file name (40 ASCII bytes), header hash (32), open sequence (u32 BE), press time (i64 BE).
/// </para>
/// </summary>
public sealed class RecordingJournal
{
    /// <summary>The most files the journal holds; committing one more drops the oldest entry.</summary>
    public const int Capacity = 8;

    /// <summary>The copies' base name on the internal storage (<c>recjournal.0</c> and <c>recjournal.1</c>).</summary>
    public const string FileName = "recjournal";

    /// <summary>The length of a recording file name: 32 hex digits, '-', 3 digits, ".bcr".</summary>
    public const int NameSize = 40;

    private const byte FormatVersion = 1;
    private const int PrefixSize = 10;
    private const int EntrySize = NameSize + RecordingFormat.HashSize + 4 + 8;
    private const int MaxRecordSize = PrefixSize + (Capacity * EntrySize);
    private const string Label = "bodycam/v1/recording-journal";

    private readonly SignedCopyStore _copies;
    private readonly byte[] _names = new byte[Capacity * NameSize];
    private readonly byte[] _hashes = new byte[Capacity * RecordingFormat.HashSize];
    private readonly uint[] _sequences = new uint[Capacity];
    private readonly long[] _pressTimes = new long[Capacity];
    private uint _generation;
    private uint _nextSequence = 1;

    /// <summary>Initializes a new instance of the <see cref="RecordingJournal"/> class.</summary>
    /// <param name="storage">Device-internal storage (the MCU's flash partition on the device).</param>
    /// <param name="crypto">Verifies the copies' signatures.</param>
    /// <param name="secureElement">Signs the copies with the device key.</param>
    public RecordingJournal(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement)
    {
        _copies = new SignedCopyStore(storage, crypto, secureElement, Label, FileName, MaxRecordSize);
    }

    /// <summary>Gets the number of files in the journal.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the open sequence number the next committed file receives.</summary>
    public uint NextSequence => _nextSequence;

    /// <summary>Loads the newest valid copy (call once at boot, before anything else uses the journal).</summary>
    /// <returns>False when a copy exists but none verifies (the journal then starts empty).</returns>
    public bool Load()
    {
        _copies.LoadDeviceKey();
        Count = 0;
        bool anyFile = false;
        bool found = false;
        uint best = 0;
        int bestSlot = -1;
        for (int slot = 0; slot < _copies.SlotCount; slot++)
        {
            if (!_copies.Exists(slot))
            {
                continue;
            }

            anyFile = true;
            uint generation;
            if (TryParse(slot, out generation) && (!found || generation > best))
            {
                found = true;
                best = generation;
                bestSlot = slot;
            }
        }

        if (!found)
        {
            return !anyFile;
        }

        uint again;
        TryParse(bestSlot, out again);
        _copies.CurrentSlot = bestSlot;
        _generation = best;
        ApplyBuffer();
        return true;
    }

    /// <summary>Gets the file name of an entry.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1, oldest first.</param>
    /// <returns>The file name.</returns>
    public string NameAt(int index)
    {
        RequireIndex(index);
        char[] chars = new char[NameSize];
        for (int i = 0; i < NameSize; i++)
        {
            chars[i] = (char)_names[(index * NameSize) + i];
        }

        return new string(chars);
    }

    /// <summary>Gets the open sequence number of an entry.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The sequence number written in the file's open record.</returns>
    public uint SequenceAt(int index)
    {
        RequireIndex(index);
        return _sequences[index];
    }

    /// <summary>Gets the press time of an entry (the open record's press time).</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>Monotonic milliseconds.</returns>
    public long PressTimeAt(int index)
    {
        RequireIndex(index);
        return _pressTimes[index];
    }

    /// <summary>Compares an entry's header hash with a hash, in constant time.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <param name="hash">A 32-byte hash.</param>
    /// <param name="offset">Where the hash starts.</param>
    /// <returns>True when they are equal.</returns>
    public bool HeaderHashEquals(int index, byte[] hash, int offset)
    {
        RequireIndex(index);
        int diff = 0;
        int at = index * RecordingFormat.HashSize;
        for (int i = 0; i < RecordingFormat.HashSize; i++)
        {
            diff |= _hashes[at + i] ^ hash[offset + i];
        }

        return diff == 0;
    }

    /// <summary>Finds a file's entry.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The entry's index, or -1.</returns>
    public int IndexOf(string fileName)
    {
        if (fileName == null || fileName.Length != NameSize)
        {
            return -1;
        }

        for (int e = 0; e < Count; e++)
        {
            bool same = true;
            for (int i = 0; i < NameSize && same; i++)
            {
                same = _names[(e * NameSize) + i] == (byte)fileName[i];
            }

            if (same)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>
    /// Commits a file about to be written, with its header hash, and returns its open sequence number; in the same
    /// durable write it removes <paramref name="closedFileName"/> (the file a continuation just closed), if given.
    /// When the journal is full the oldest entry is dropped (its file is then foreign at the next boot).
    /// </summary>
    /// <param name="fileName">The new file's name (40 characters).</param>
    /// <param name="headerHash">Its header hash (32 bytes).</param>
    /// <param name="pressTime">The press time its open record carries.</param>
    /// <param name="closedFileName">A file whose close is flushed, or an empty string.</param>
    /// <returns>The open sequence number to write in the file's open record.</returns>
    public uint Commit(string fileName, byte[] headerHash, long pressTime, string closedFileName)
    {
        if (fileName == null || fileName.Length != NameSize || headerHash == null
            || headerHash.Length < RecordingFormat.HashSize)
        {
            throw new ArgumentException("A journal entry needs a 40-character file name and a 32-byte header hash.");
        }

        if (closedFileName != null && closedFileName.Length > 0)
        {
            RemoveAt(IndexOf(closedFileName));
        }

        RemoveAt(IndexOf(fileName));
        if (Count == Capacity)
        {
            RemoveAt(0);
        }

        int e = Count;
        for (int i = 0; i < NameSize; i++)
        {
            _names[(e * NameSize) + i] = (byte)fileName[i];
        }

        Array.Copy(headerHash, 0, _hashes, e * RecordingFormat.HashSize, RecordingFormat.HashSize);
        uint sequence = _nextSequence;
        _sequences[e] = sequence;
        _pressTimes[e] = pressTime;
        Count = e + 1;
        _nextSequence = sequence + 1;
        Write();
        return sequence;
    }

    /// <summary>Removes a file whose close or recovery record is flushed (durable on return).</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>True when the file was in the journal.</returns>
    public bool Remove(string fileName)
    {
        int index = IndexOf(fileName);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        Write();
        return true;
    }

    private void RemoveAt(int index)
    {
        if (index < 0)
        {
            return;
        }

        for (int e = index; e < Count - 1; e++)
        {
            Array.Copy(_names, (e + 1) * NameSize, _names, e * NameSize, NameSize);
            Array.Copy(_hashes, (e + 1) * RecordingFormat.HashSize, _hashes, e * RecordingFormat.HashSize, RecordingFormat.HashSize);
            _sequences[e] = _sequences[e + 1];
            _pressTimes[e] = _pressTimes[e + 1];
        }

        Count--;
    }

    private void Write()
    {
        byte[] b = _copies.Buffer;
        int p = _copies.RecordOffset;
        int start = p;
        uint generation = _generation + 1;
        b[p++] = FormatVersion;
        BigEndian.WriteUInt32(b, p, generation);
        p += 4;
        BigEndian.WriteUInt32(b, p, _nextSequence);
        p += 4;
        b[p++] = (byte)Count;
        for (int e = 0; e < Count; e++)
        {
            Array.Copy(_names, e * NameSize, b, p, NameSize);
            p += NameSize;
            Array.Copy(_hashes, e * RecordingFormat.HashSize, b, p, RecordingFormat.HashSize);
            p += RecordingFormat.HashSize;
            BigEndian.WriteUInt32(b, p, _sequences[e]);
            p += 4;
            BigEndian.WriteInt64(b, p, _pressTimes[e]);
            p += 8;
        }

        _copies.Write(p - start);
        _generation = generation;
    }

    private bool TryParse(int slot, out uint generation)
    {
        generation = 0;
        int total = _copies.Read(slot, PrefixSize + SignedCopyStore.SignatureSize);
        if (total < 0)
        {
            return false;
        }

        byte[] b = _copies.Buffer;
        int n = _copies.RecordOffset;
        int count = b[n + 9];
        if (b[n] != FormatVersion || count > Capacity
            || total != PrefixSize + (count * EntrySize) + SignedCopyStore.SignatureSize)
        {
            return false;
        }

        generation = BigEndian.ReadUInt32(b, n + 1);
        return _copies.Verify(total);
    }

    private void ApplyBuffer()
    {
        byte[] b = _copies.Buffer;
        int p = _copies.RecordOffset + 5;
        _nextSequence = BigEndian.ReadUInt32(b, p);
        p += 4;
        int count = b[p++];
        for (int e = 0; e < count; e++)
        {
            Array.Copy(b, p, _names, e * NameSize, NameSize);
            p += NameSize;
            Array.Copy(b, p, _hashes, e * RecordingFormat.HashSize, RecordingFormat.HashSize);
            p += RecordingFormat.HashSize;
            _sequences[e] = BigEndian.ReadUInt32(b, p);
            p += 4;
            _pressTimes[e] = BigEndian.ReadInt64(b, p);
            p += 8;
        }

        Count = count;
    }

    private void RequireIndex(int index)
    {
        if (index < 0 || index >= Count)
        {
            throw new ArgumentOutOfRangeException("index");
        }
    }
}
