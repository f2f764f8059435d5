using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Audit;

/// <summary>
/// The device's audit trail (docs/audit-trail.md): one append-only file of records, each hash-chained to the one
/// before and signed by the device key in the secure element, so a host holding only the device's public key can
/// tell a complete, untouched trail from an altered one. Evidence events only: the caller passes no personal data
/// and no event that would show the wearer's whereabouts or working hours (AuditEventType lists what may be logged).
/// Records are written in format 2: no record carries the monotonic clock (it would date the start of a shift), only
/// a time the caller chose for an evidence event (<see cref="AuditTimeBase"/>). A trail begun by format-1 firmware is
/// walked as it is and continued with format-2 records in the same chain.
/// Call <see cref="Open"/> once at boot before the first append; it cuts a record torn by a power cut.
/// </summary>
public sealed class AuditTrail : IAuditLog, IAuditTrailReader
{
    /// <summary>The record format version written (first body byte).</summary>
    public const byte FormatVersion = 2;

    /// <summary>The earlier record format (with monotonic time), still found at the start of updated devices' trails.</summary>
    public const byte FormatVersion1 = 1;

    /// <summary>The domain label hashed into the chain's start and in front of every signed link.</summary>
    public const string Label = "BODYCAM-AUDIT-V1";

    /// <summary>The longest subject kept (longer subjects are cut).</summary>
    public const int MaxSubjectLength = 96;

    /// <summary>Format 2 body bytes without the subject: version, sequence, type, time base, time, subject length.</summary>
    public const int FixedBodySize = 16;

    /// <summary>Format 1 body bytes without the subject: version, sequence, type, monotonic time, clock flag, UTC time, subject length.</summary>
    public const int FixedBodySize1 = 24;

    private const int LengthSize = 2;
    private const int SignatureSize = 64;
    private const int HashSize = 32;

    private readonly IFileStorage _storage;
    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly string _fileName;
    private readonly byte[] _record = new byte[LengthSize + FixedBodySize1 + MaxSubjectLength + SignatureSize];
    private readonly byte[] _link = new byte[HashSize];
    private readonly byte[] _signed = new byte[16 + HashSize];
    private bool _open;
    private long _length;

    /// <summary>Initializes a new instance of the <see cref="AuditTrail"/> class.</summary>
    /// <param name="storage">The storage volume.</param>
    /// <param name="crypto">SHA-256 for the chain.</param>
    /// <param name="secureElement">Signs each link with the device key.</param>
    /// <param name="fileName">The trail's file name (for example "audit.log").</param>
    public AuditTrail(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement, string fileName)
    {
        _storage = storage;
        _crypto = crypto;
        _secureElement = secureElement;
        _fileName = fileName;
    }

    /// <summary>Gets the number of records.</summary>
    public long Count { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="Open"/> found a record it could not parse before the end.</summary>
    public bool FoundDamage { get; private set; }

    /// <inheritdoc/>
    public long Length => _length;

    /// <summary>Opens (or creates) the trail: walks the chain, and cuts a record torn at the end by a power cut.</summary>
    public void Open()
    {
        if (!_storage.Exists(_fileName))
        {
            _storage.Create(_fileName);
            _storage.Flush(_fileName);
        }

        GenesisLink();
        long length = _storage.GetLength(_fileName);
        long position = 0;
        long count = 0;
        while (position < length)
        {
            if (length - position < LengthSize || ReadFully(position, _record, 0, LengthSize) < LengthSize)
            {
                break;
            }

            int bodyLength = _record[0] | (_record[1] << 8);
            if (bodyLength < FixedBodySize || bodyLength > FixedBodySize1 + MaxSubjectLength)
            {
                // Not a torn write (that only cuts the end short): damage. Keep the bytes as evidence, append after them.
                FoundDamage = true;
                position = length;
                break;
            }

            long recordLength = LengthSize + bodyLength + SignatureSize;
            if (length - position < recordLength)
            {
                break;
            }

            ReadFully(position + LengthSize, _record, LengthSize, bodyLength);
            if (!IsKnownLayout(_record[LengthSize], bodyLength))
            {
                FoundDamage = true;
                position = length;
                break;
            }

            ChainBody(_record, LengthSize, bodyLength);
            position += recordLength;
            count++;
        }

        if (position < length)
        {
            _storage.Truncate(_fileName, position);
        }

        _length = position;
        Count = count;
        _open = true;
    }

    /// <inheritdoc/>
    public void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        if (!_open)
        {
            throw new InvalidOperationException("The audit trail is not open.");
        }

        int subjectLength = subject.Length < MaxSubjectLength ? subject.Length : MaxSubjectLength;
        int bodyLength = FixedBodySize + subjectLength;
        int p = 0;
        _record[p++] = (byte)bodyLength;
        _record[p++] = (byte)(bodyLength >> 8);
        _record[p++] = FormatVersion;
        WriteUInt32(_record, p, (uint)Count);
        p += 4;
        _record[p++] = (byte)type;
        _record[p++] = (byte)timeBase;
        WriteInt64(_record, p, timeBase == AuditTimeBase.None ? 0 : milliseconds);
        p += 8;
        _record[p++] = (byte)subjectLength;
        for (int i = 0; i < subjectLength; i++)
        {
            char c = subject[i];
            _record[p++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
        }

        ChainBody(_record, LengthSize, bodyLength);
        for (int i = 0; i < Label.Length; i++)
        {
            _signed[i] = (byte)Label[i];
        }

        Array.Copy(_link, 0, _signed, Label.Length, HashSize);
        _secureElement.Sign(_signed, 0, _signed.Length, _record, p);
        p += SignatureSize;
        _storage.Append(_fileName, _record, 0, p);
        _storage.Flush(_fileName);
        _length += p;
        Count++;
    }

    /// <inheritdoc/>
    public int Read(long position, byte[] buffer, int offset, int count)
    {
        if (position >= _length)
        {
            return 0;
        }

        long left = _length - position;
        int want = left < count ? (int)left : count;
        return _storage.Read(_fileName, position, buffer, offset, want);
    }

    // Format 1: 24 fixed bytes; format 2: 16. Both carry a subject of at most MaxSubjectLength bytes.
    private static bool IsKnownLayout(byte version, int bodyLength)
    {
        if (version == FormatVersion)
        {
            return bodyLength <= FixedBodySize + MaxSubjectLength;
        }

        return version == FormatVersion1 && bodyLength >= FixedBodySize1;
    }

    private static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)value;
        buffer[offset + 1] = (byte)(value >> 8);
        buffer[offset + 2] = (byte)(value >> 16);
        buffer[offset + 3] = (byte)(value >> 24);
    }

    private static void WriteInt64(byte[] buffer, int offset, long value)
    {
        WriteUInt32(buffer, offset, (uint)value);
        WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
    }

    // link_0 = SHA-256(label || device public key): a trail cannot be moved to another device.
    private void GenesisLink()
    {
        for (int i = 0; i < Label.Length; i++)
        {
            _signed[i] = (byte)Label[i];
        }

        _secureElement.ReadDevicePublicKey(_signed, Label.Length);
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_signed, 0, Label.Length + HashSize);
        _crypto.Sha256End(_link, 0);
    }

    // link_n = SHA-256(link_n-1 || body_n). Begin and End within this call: the engine has one SHA-256 context.
    private void ChainBody(byte[] buffer, int offset, int count)
    {
        _crypto.Sha256Begin();
        _crypto.Sha256Update(_link, 0, HashSize);
        _crypto.Sha256Update(buffer, offset, count);
        _crypto.Sha256End(_link, 0);
    }

    private int ReadFully(long position, byte[] buffer, int offset, int count)
    {
        return FileStorageReads.ReadFully(_storage, _fileName, position, buffer, offset, count);
    }
}
