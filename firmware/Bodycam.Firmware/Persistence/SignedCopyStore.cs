using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Persistence;

/// <summary>
/// A small record kept on the storage volume in two alternating copies (<c>NAME.0</c> and <c>NAME.1</c>), each
/// signed by the device key over a domain label and the copy's bytes: a power cut during a write leaves the other
/// copy, and a copy edited outside the firmware does not verify. The provisioning store and the configuration store
/// both keep their records this way (docs/dock-protocol.md, "Provisioning store"; docs/configuration.md, "On the
/// device"); what a copy holds and which copy is newest is theirs to decide.
/// <para>
/// A copy on storage is the record's bytes followed by the 64-byte Ed25519 signature of label ‖ record. The label is
/// not stored: it sits in front of the record in <see cref="Buffer"/> so the signed message needs no copy.
/// </para>
/// </summary>
public sealed class SignedCopyStore
{
    /// <summary>The size of the device key's Ed25519 signature at the end of each copy.</summary>
    public const int SignatureSize = 64;

    private const int KeySize = 32;

    private readonly IFileStorage _storage;
    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly string[] _slots;
    private readonly int _labelLength;
    private readonly byte[] _buffer;
    private readonly byte[] _devicePublicKey = new byte[KeySize];

    /// <summary>Initializes a new instance of the <see cref="SignedCopyStore"/> class.</summary>
    /// <param name="storage">The storage volume.</param>
    /// <param name="crypto">Verifies the copies' signatures.</param>
    /// <param name="secureElement">Signs the copies with the device key.</param>
    /// <param name="label">The signature's domain label (ASCII).</param>
    /// <param name="name">The copies' base name; the files are <c>name.0</c> and <c>name.1</c>.</param>
    /// <param name="maxRecordLength">The longest record, signature not included.</param>
    public SignedCopyStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement, string label, string name, int maxRecordLength)
    {
        if (storage == null || crypto == null || secureElement == null || label == null || name == null)
        {
            throw new ArgumentNullException(storage == null ? "storage" : "dependency");
        }

        _storage = storage;
        _crypto = crypto;
        _secureElement = secureElement;
        _slots = new string[] { name + ".0", name + ".1" };
        _labelLength = label.Length;
        _buffer = new byte[label.Length + maxRecordLength + SignatureSize];
        for (int i = 0; i < label.Length; i++)
        {
            _buffer[i] = (byte)label[i];
        }

        CurrentSlot = -1;
    }

    /// <summary>Gets the number of copies (2).</summary>
    public int SlotCount => _slots.Length;

    /// <summary>
    /// Gets the working buffer: the label, then the record at <see cref="RecordOffset"/> (read by <see cref="Read"/>,
    /// or filled by the caller before <see cref="Write"/>), then room for the signature.
    /// </summary>
    public byte[] Buffer => _buffer;

    /// <summary>Gets where the record starts in <see cref="Buffer"/> (the label's length).</summary>
    public int RecordOffset => _labelLength;

    /// <summary>Gets or sets the slot holding the copy in force (-1: none); <see cref="Write"/> writes the other one.</summary>
    public int CurrentSlot { get; set; }

    /// <summary>Reads the device's public key, which the copies are checked against (call once, before <see cref="Verify"/>).</summary>
    public void LoadDeviceKey()
    {
        _secureElement.ReadDevicePublicKey(_devicePublicKey, 0);
    }

    /// <summary>Tells whether a copy's file exists.</summary>
    /// <param name="slot">0 or 1.</param>
    /// <returns>True when the file exists.</returns>
    public bool Exists(int slot)
    {
        return _storage.Exists(_slots[slot]);
    }

    /// <summary>Reads a copy's file (record and signature) into <see cref="Buffer"/> behind the label.</summary>
    /// <param name="slot">0 or 1.</param>
    /// <param name="minimumFileLength">The shortest valid file, signature included.</param>
    /// <returns>The file's length, or -1 when it is too short, too long or could not be read whole.</returns>
    public int Read(int slot, int minimumFileLength)
    {
        string name = _slots[slot];
        long length = _storage.GetLength(name);
        if (length < minimumFileLength || length > _buffer.Length - _labelLength)
        {
            return -1;
        }

        int total = (int)length;
        return FileStorageReads.ReadFully(_storage, name, 0, _buffer, _labelLength, total) == total ? total : -1;
    }

    /// <summary>Checks the device's signature at the end of the copy <see cref="Read"/> returned.</summary>
    /// <param name="fileLength">The length <see cref="Read"/> returned.</param>
    /// <returns>True when the device signed label ‖ record.</returns>
    public bool Verify(int fileLength)
    {
        int signatureAt = _labelLength + fileLength - SignatureSize;
        return _crypto.Ed25519Verify(_devicePublicKey, _buffer, 0, signatureAt, _buffer, signatureAt);
    }

    /// <summary>
    /// Signs the record the caller put at <see cref="RecordOffset"/> and writes it to the slot not in force, which
    /// then becomes <see cref="CurrentSlot"/>; the copy in force survives a cut during this write.
    /// </summary>
    /// <param name="recordLength">The record's length.</param>
    public void Write(int recordLength)
    {
        int n = _labelLength + recordLength;
        _secureElement.Sign(_buffer, 0, n, _buffer, n);
        n += SignatureSize;

        int slot = CurrentSlot == 0 ? 1 : 0;
        string name = _slots[slot];
        if (_storage.Exists(name))
        {
            _storage.Delete(name);
        }

        _storage.Create(name);
        _storage.Append(name, _buffer, _labelLength, n - _labelLength);
        _storage.Flush(name);
        CurrentSlot = slot;
    }
}
