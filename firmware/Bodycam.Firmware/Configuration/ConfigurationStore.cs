using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Persistence;

namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The configuration pushed over the dock, kept on the storage volume so it survives a power cycle
/// (docs/configuration.md, "On the device"). Two alternating signed copies ("configuration.0" and "configuration.1",
/// a <see cref="SignedCopyStore"/> as in the provisioning store), so a power cut during a write leaves the previous
/// one; each copy holds the sequence number and the document and is signed by the device key, so a copy edited outside
/// the firmware is ignored.
/// A document is accepted only while the device sits in the dock, after the dock service checked the authority's
/// signature and the sequence; it is stored at once and is in force from the next boot, when the board builds the
/// device core from <see cref="Load"/> (the pre-record arena is sized once at boot: docs/state-machine.md, "Rules the core keeps").
/// </summary>
public sealed class ConfigurationStore : IDockConfigurationSink
{
    /// <summary>The signature's domain label.</summary>
    public const string Label = "BODYCAM-CONFIG-V1";

    private const byte FormatVersion = 1;
    private const int SignatureSize = SignedCopyStore.SignatureSize;
    private const int HeaderSize = 1 + 8 + 2;

    private readonly SignedCopyStore _copies;
    private readonly byte[] _buffer;
    private IConfigurationGate? _gate;
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="ConfigurationStore"/> class.</summary>
    /// <param name="storage">The storage volume.</param>
    /// <param name="crypto">Verifies the copies' signatures.</param>
    /// <param name="secureElement">Signs the copies with the device key.</param>
    public ConfigurationStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement)
    {
        _copies = new SignedCopyStore(storage, crypto, secureElement, Label, "configuration", HeaderSize + ConfigurationDocument.MaxLength);
        _buffer = _copies.Buffer;
    }

    /// <inheritdoc/>
    public long AppliedSequence => _sequence;

    /// <summary>Gets a value indicating whether <see cref="Load"/> found a copy it could not use (bad signature or document).</summary>
    public bool FoundDamage { get; private set; }

    /// <summary>Gets why the last pushed document was rejected, or null.</summary>
    public ConfigurationException? LastError { get; private set; }

    /// <summary>
    /// Loads the newest valid stored document into <paramref name="target"/> (call once at boot, before the device
    /// core is built from it). Without a stored document <paramref name="target"/> is left as it is.
    /// </summary>
    /// <param name="target">The board's configuration.</param>
    public void Load(DeviceConfiguration target)
    {
        if (target == null)
        {
            throw new ArgumentNullException("target");
        }

        _copies.LoadDeviceKey();
        long best = -1;
        for (int slot = 0; slot < _copies.SlotCount; slot++)
        {
            if (!_copies.Exists(slot))
            {
                continue;
            }

            long sequence = ReadCopy(slot);
            if (sequence < 0)
            {
                FoundDamage = true;
            }
            else if (sequence > best)
            {
                best = sequence;
                _copies.CurrentSlot = slot;
            }
        }

        if (best < 0)
        {
            return;
        }

        ReadCopy(_copies.CurrentSlot);
        int at = _copies.RecordOffset;
        int length = _buffer[at + 9] | (_buffer[at + 10] << 8);
        try
        {
            ConfigurationDocument.Apply(_buffer, at + HeaderSize, length, target);
            _sequence = best;
        }
        catch (ConfigurationException)
        {
            // Signed by this device but not readable by this firmware (a downgrade): keep the factory values.
            FoundDamage = true;
            _copies.CurrentSlot = -1;
        }
    }

    /// <summary>
    /// Gets or sets the board camera's key-frame interval that a pushed document's pre-record window is checked
    /// against (<see cref="DeviceConfiguration.CameraKeyFrameIntervalMilliseconds"/>; the device builder sets it).
    /// </summary>
    public long CameraKeyFrameIntervalMilliseconds { get; set; } = DeviceConfiguration.DefaultCameraKeyFrameIntervalMilliseconds;

    /// <summary>Tells the store what decides whether the device is docked (the board's device state).</summary>
    /// <param name="gate">Open while the device is in its docked state.</param>
    public void Attach(IConfigurationGate gate)
    {
        _gate = gate;
    }

    /// <inheritdoc/>
    public bool TryApply(long sequence, byte[] document, int offset, int count)
    {
        LastError = null;
        IConfigurationGate? gate = _gate;
        if (gate == null || !gate.AcceptsConfiguration)
        {
            LastError = new ConfigurationException(ConfigurationError.NotDocked, "state", "a configuration is accepted only while the device is docked");
            return false;
        }

        try
        {
            // Checked against a scratch copy: nothing is stored unless the whole document holds.
            var scratch = new DeviceConfiguration();
            scratch.CameraKeyFrameIntervalMilliseconds = CameraKeyFrameIntervalMilliseconds;
            ConfigurationDocument.Apply(document, offset, count, scratch);
        }
        catch (ConfigurationException e)
        {
            LastError = e;
            return false;
        }

        Write(sequence, document, offset, count);
        return true;
    }

    /// <inheritdoc/>
    public long ReadStored(byte[] destination, int offset, int capacity, out int length)
    {
        length = 0;
        int slot = _copies.CurrentSlot;
        if (slot < 0)
        {
            return 0;
        }

        long sequence = ReadCopy(slot);
        int at = _copies.RecordOffset;
        int count = _buffer[at + 9] | (_buffer[at + 10] << 8);
        if (sequence < 1 || count > capacity)
        {
            return 0;
        }

        Array.Copy(_buffer, at + HeaderSize, destination, offset, count);
        length = count;
        return sequence;
    }

    private void Write(long sequence, byte[] document, int offset, int count)
    {
        int start = _copies.RecordOffset;
        int n = start;
        _buffer[n++] = FormatVersion;
        for (int i = 0; i < 8; i++)
        {
            _buffer[n++] = (byte)(sequence >> (8 * i));
        }

        _buffer[n++] = (byte)count;
        _buffer[n++] = (byte)(count >> 8);
        Array.Copy(document, offset, _buffer, n, count);
        n += count;
        _copies.Write(n - start);
        _sequence = sequence;
    }

    // Reads a copy into the buffer behind the label; returns its sequence, or -1 when it is malformed or not signed
    // by this device.
    private long ReadCopy(int slot)
    {
        int total = _copies.Read(slot, HeaderSize + SignatureSize);
        if (total < 0)
        {
            return -1;
        }

        int n = _copies.RecordOffset;
        if (_buffer[n] != FormatVersion)
        {
            return -1;
        }

        long sequence = 0;
        for (int i = 7; i >= 0; i--)
        {
            sequence = (sequence << 8) | _buffer[n + 1 + i];
        }

        int documentLength = _buffer[n + 9] | (_buffer[n + 10] << 8);
        int signatureAt = n + HeaderSize + documentLength;
        if (sequence < 1 || signatureAt + SignatureSize != n + total)
        {
            return -1;
        }

        return _copies.Verify(total) ? sequence : -1;
    }
}
