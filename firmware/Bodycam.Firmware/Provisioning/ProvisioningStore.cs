using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Persistence;

namespace Bodycam.Firmware.Provisioning;

/// <summary>
/// The enrolment, persisted on the storage volume in two alternating signed copies ("provisioning.0" and
/// "provisioning.1", a <see cref="SignedCopyStore"/>) so a power cut during a write leaves the previous copy. Each copy
/// carries a generation number and the device key's signature: a copy edited outside the firmware does not verify. Written only through <see cref="Provision"/> (when
/// unprovisioned or reset) and <see cref="Reset"/>; the dock's provision and reset commands are the only callers.
/// Layout: docs/dock-protocol.md, "Provisioning store".
/// </summary>
public sealed class ProvisioningStore : IProvisioningStore
{
    /// <summary>The signature's domain label.</summary>
    public const string Label = "BODYCAM-PROVISIONING-V1";

    /// <summary>The most recipient keys kept.</summary>
    public const int MaxRecipients = 8;

    private const byte FormatVersion = 1;
    private const int KeySize = 32;
    private const int SignatureSize = SignedCopyStore.SignatureSize;
    private const int MaxRecordSize = 1 + 4 + 1 + 33 + KeySize + 1 + (MaxRecipients * KeySize);
    private const int MinFileSize = 1 + 4 + 1 + 1 + KeySize + 1 + SignatureSize;

    private readonly SignedCopyStore _copies;
    private readonly byte[] _buffer;
    private readonly byte[] _authorityKey = new byte[KeySize];
    private byte[][] _recipients = new byte[0][];
    private string _municipalityId = string.Empty;
    private ProvisioningState _state = ProvisioningState.Unprovisioned;
    private uint _generation;

    /// <summary>Initializes a new instance of the <see cref="ProvisioningStore"/> class.</summary>
    /// <param name="storage">The storage volume.</param>
    /// <param name="crypto">Verifies the copies' signatures.</param>
    /// <param name="secureElement">Signs the copies with the device key.</param>
    public ProvisioningStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement)
    {
        _copies = new SignedCopyStore(storage, crypto, secureElement, Label, "provisioning", MaxRecordSize);
        _buffer = _copies.Buffer;
    }

    /// <inheritdoc/>
    public ProvisioningState State => _state;

    /// <inheritdoc/>
    public bool IsProvisioned => _state == ProvisioningState.Provisioned;

    /// <inheritdoc/>
    public string MunicipalityId => _state == ProvisioningState.Provisioned ? _municipalityId : string.Empty;

    /// <inheritdoc/>
    public int RecipientCount => _state == ProvisioningState.Provisioned ? _recipients.Length : 0;

    /// <summary>Loads the newest valid copy (call once at boot).</summary>
    public void Load()
    {
        _copies.LoadDeviceKey();
        bool anyFile = false;
        bool found = false;
        for (int slot = 0; slot < _copies.SlotCount; slot++)
        {
            if (!_copies.Exists(slot))
            {
                continue;
            }

            anyFile = true;
            uint generation;
            if (TryParse(slot, out generation) && (!found || generation > _generation))
            {
                found = true;
                _generation = generation;
                _copies.CurrentSlot = slot;
            }
        }

        if (found)
        {
            // Parse the winner again to make it current.
            uint generation;
            TryParse(_copies.CurrentSlot, out generation);
            ApplyBuffer();
        }
        else
        {
            _state = anyFile ? ProvisioningState.Tampered : ProvisioningState.Unprovisioned;
        }
    }

    /// <inheritdoc/>
    public void ReadRecipientKey(int index, byte[] destination, int offset)
    {
        if (index < 0 || index >= RecipientCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        Array.Copy(_recipients[index], 0, destination, offset, KeySize);
    }

    /// <inheritdoc/>
    public void ReadAuthorityKey(byte[] destination, int offset)
    {
        if (!IsProvisioned)
        {
            throw new InvalidOperationException("The device is not provisioned.");
        }

        Array.Copy(_authorityKey, 0, destination, offset, KeySize);
    }

    /// <inheritdoc/>
    public void Provision(string municipalityId, byte[] authorityKey, byte[][] recipientKeys)
    {
        if (_state != ProvisioningState.Unprovisioned && _state != ProvisioningState.Reset)
        {
            throw new InvalidOperationException("Provisioning is allowed only on an unprovisioned or reset device.");
        }

        if (municipalityId == null || municipalityId.Length < 1 || municipalityId.Length > 32)
        {
            throw new ArgumentException("The municipality id must have 1 to 32 characters.", nameof(municipalityId));
        }

        for (int i = 0; i < municipalityId.Length; i++)
        {
            char c = municipalityId[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                throw new ArgumentException("The municipality id may hold only a-z, 0-9 and '-'.", nameof(municipalityId));
            }
        }

        if (authorityKey == null || authorityKey.Length != KeySize)
        {
            throw new ArgumentException("The authority key must have 32 bytes.", nameof(authorityKey));
        }

        if (recipientKeys == null || recipientKeys.Length < 1 || recipientKeys.Length > MaxRecipients)
        {
            throw new ArgumentException("1 to 8 recipient keys are needed.", nameof(recipientKeys));
        }

        for (int i = 0; i < recipientKeys.Length; i++)
        {
            if (recipientKeys[i] == null || recipientKeys[i].Length != KeySize)
            {
                throw new ArgumentException("Each recipient key must have 32 bytes.", nameof(recipientKeys));
            }
        }

        Write(ProvisioningState.Provisioned, municipalityId, authorityKey, recipientKeys);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Write(ProvisioningState.Reset, string.Empty, new byte[KeySize], new byte[0][]);
    }

    private void Write(ProvisioningState state, string municipalityId, byte[] authorityKey, byte[][] recipients)
    {
        int start = _copies.RecordOffset;
        int n = start;
        uint generation = _generation + 1;
        _buffer[n++] = FormatVersion;
        _buffer[n++] = (byte)generation;
        _buffer[n++] = (byte)(generation >> 8);
        _buffer[n++] = (byte)(generation >> 16);
        _buffer[n++] = (byte)(generation >> 24);
        _buffer[n++] = (byte)state;
        _buffer[n++] = (byte)municipalityId.Length;
        for (int i = 0; i < municipalityId.Length; i++)
        {
            _buffer[n++] = (byte)municipalityId[i];
        }

        Array.Copy(authorityKey, 0, _buffer, n, KeySize);
        n += KeySize;
        _buffer[n++] = (byte)recipients.Length;
        for (int i = 0; i < recipients.Length; i++)
        {
            Array.Copy(recipients[i], 0, _buffer, n, KeySize);
            n += KeySize;
        }

        _copies.Write(n - start);
        _generation = generation;
        ApplyBuffer();
    }

    // Reads a copy into the buffer (behind the label) and checks its structure and device signature.
    private bool TryParse(int slot, out uint generation)
    {
        generation = 0;
        int total = _copies.Read(slot, MinFileSize);
        if (total < 0)
        {
            return false;
        }

        int n = _copies.RecordOffset;
        if (_buffer[n] != FormatVersion)
        {
            return false;
        }

        generation = (uint)(_buffer[n + 1] | (_buffer[n + 2] << 8) | (_buffer[n + 3] << 16) | (_buffer[n + 4] << 24));
        int state = _buffer[n + 5];
        int municipalityLength = _buffer[n + 6];
        if ((state != (int)ProvisioningState.Provisioned && state != (int)ProvisioningState.Reset) || municipalityLength > 32)
        {
            return false;
        }

        int recipientsAt = n + 7 + municipalityLength + KeySize;
        if (recipientsAt >= n + total)
        {
            return false;
        }

        int recipients = _buffer[recipientsAt];
        int signatureAt = recipientsAt + 1 + (recipients * KeySize);
        if (recipients > MaxRecipients || signatureAt + SignatureSize != n + total)
        {
            return false;
        }

        return _copies.Verify(total);
    }

    // Makes the record in _buffer (just written or just verified) the current provisioning.
    private void ApplyBuffer()
    {
        int n = _copies.RecordOffset + 5;
        _state = (ProvisioningState)_buffer[n++];
        int municipalityLength = _buffer[n++];
        char[] chars = new char[municipalityLength];
        for (int i = 0; i < municipalityLength; i++)
        {
            chars[i] = (char)_buffer[n++];
        }

        _municipalityId = new string(chars);
        Array.Copy(_buffer, n, _authorityKey, 0, KeySize);
        n += KeySize;
        int count = _buffer[n++];
        _recipients = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            _recipients[i] = new byte[KeySize];
            Array.Copy(_buffer, n, _recipients[i], 0, KeySize);
            n += KeySize;
        }
    }
}
