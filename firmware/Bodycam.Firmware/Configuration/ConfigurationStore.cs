using System;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The configuration pushed over the dock, kept on the storage volume so it survives a power cycle
/// (docs/configuration.md, "On the device"). Two alternating copies ("configuration.0" and "configuration.1") as in
/// the provisioning store, so a power cut during a write leaves the previous one; each copy holds the sequence
/// number and the document and is signed by the device key, so a copy edited outside the firmware is ignored.
/// A document is accepted only while the device sits in the dock, after the dock service checked the authority's
/// signature and the sequence; it is stored at once and is in force from the next boot, when the board builds the
/// device core from <see cref="Load"/> (the pre-record arena is sized once at boot, DESIGN §3).
/// </summary>
public sealed class ConfigurationStore : IDockConfigurationSink
{
    /// <summary>The signature's domain label.</summary>
    public const string Label = "BODYCAM-CONFIG-V1";

    private const byte FormatVersion = 1;
    private const int KeySize = 32;
    private const int SignatureSize = 64;
    private const int HeaderSize = 1 + 8 + 2;

    private static readonly string[] s_slots = new string[] { "configuration.0", "configuration.1" };

    private readonly IFileStorage _storage;
    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly byte[] _buffer = new byte[Label.Length + HeaderSize + ConfigurationDocument.MaxLength + SignatureSize];
    private readonly byte[] _devicePublicKey = new byte[KeySize];
    private DeviceCore? _core;
    private long _sequence;
    private int _slot = -1;

    /// <summary>Initializes a new instance of the <see cref="ConfigurationStore"/> class.</summary>
    /// <param name="storage">The storage volume.</param>
    /// <param name="crypto">Verifies the copies' signatures.</param>
    /// <param name="secureElement">Signs the copies with the device key.</param>
    public ConfigurationStore(IFileStorage storage, ICryptoEngine crypto, ISecureElement secureElement)
    {
        _storage = storage;
        _crypto = crypto;
        _secureElement = secureElement;
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

        _secureElement.ReadDevicePublicKey(_devicePublicKey, 0);
        long best = -1;
        for (int slot = 0; slot < s_slots.Length; slot++)
        {
            if (!_storage.Exists(s_slots[slot]))
            {
                continue;
            }

            long sequence = ReadCopy(s_slots[slot]);
            if (sequence < 0)
            {
                FoundDamage = true;
            }
            else if (sequence > best)
            {
                best = sequence;
                _slot = slot;
            }
        }

        if (best < 0)
        {
            return;
        }

        ReadCopy(s_slots[_slot]);
        int length = _buffer[Label.Length + 9] | (_buffer[Label.Length + 10] << 8);
        try
        {
            ConfigurationDocument.Apply(_buffer, Label.Length + HeaderSize, length, target);
            _sequence = best;
        }
        catch (ConfigurationException)
        {
            // Signed by this device but not readable by this firmware (a downgrade): keep the factory values.
            FoundDamage = true;
            _slot = -1;
        }
    }

    /// <summary>Tells the store which core's state decides whether the device is docked.</summary>
    /// <param name="core">The device core built from the loaded configuration.</param>
    public void Attach(DeviceCore core)
    {
        _core = core;
    }

    /// <inheritdoc/>
    public bool TryApply(long sequence, byte[] document, int offset, int count)
    {
        LastError = null;
        DeviceCore? core = _core;
        if (core == null || core.State != DeviceState.Docked)
        {
            LastError = new ConfigurationException(ConfigurationError.NotDocked, "state", "a configuration is accepted only while the device is docked");
            return false;
        }

        try
        {
            // Checked against a scratch copy: nothing is stored unless the whole document holds.
            ConfigurationDocument.Apply(document, offset, count, new DeviceConfiguration());
        }
        catch (ConfigurationException e)
        {
            LastError = e;
            return false;
        }

        Write(sequence, document, offset, count);
        return true;
    }

    private void Write(long sequence, byte[] document, int offset, int count)
    {
        int n = PutLabel();
        _buffer[n++] = FormatVersion;
        for (int i = 0; i < 8; i++)
        {
            _buffer[n++] = (byte)(sequence >> (8 * i));
        }

        _buffer[n++] = (byte)count;
        _buffer[n++] = (byte)(count >> 8);
        Array.Copy(document, offset, _buffer, n, count);
        n += count;
        _secureElement.Sign(_buffer, 0, n, _buffer, n);
        n += SignatureSize;

        // Write the slot not holding the current copy; the current one survives a cut during this write.
        int slot = _slot == 0 ? 1 : 0;
        string name = s_slots[slot];
        if (_storage.Exists(name))
        {
            _storage.Delete(name);
        }

        _storage.Create(name);
        _storage.Append(name, _buffer, Label.Length, n - Label.Length);
        _storage.Flush(name);
        _slot = slot;
        _sequence = sequence;
    }

    // Reads a copy into _buffer behind the label; returns its sequence, or -1 when it is malformed or not signed by
    // this device.
    private long ReadCopy(string name)
    {
        int n = PutLabel();
        long length = _storage.GetLength(name);
        if (length < HeaderSize + SignatureSize || length > _buffer.Length - n)
        {
            return -1;
        }

        int total = (int)length;
        int done = 0;
        while (done < total)
        {
            int read = _storage.Read(name, done, _buffer, n + done, total - done);
            if (read <= 0)
            {
                return -1;
            }

            done += read;
        }

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

        return _crypto.Ed25519Verify(_devicePublicKey, _buffer, 0, signatureAt, _buffer, signatureAt) ? sequence : -1;
    }

    private int PutLabel()
    {
        for (int i = 0; i < Label.Length; i++)
        {
            _buffer[i] = (byte)Label[i];
        }

        return Label.Length;
    }
}
