using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Bodycam.Sdk.Devices;

/// <summary>
/// The device registry: which device belongs to which municipality and which Ed25519 key signs its recordings.
/// Written when a device is provisioned and read by every host that verifies recordings without trusting the key a
/// device reports about itself. The file format is in docs/device-registry.md; parsing is strict and all or
/// nothing: any bad line throws <see cref="DeviceRegistryException"/> naming the line.
/// </summary>
public sealed class DeviceRegistry
{
    /// <summary>The header line of version 1.</summary>
    public const string Header = "bodycam-device-registry 1";

    /// <summary>The largest registry file accepted, in bytes (about 10 000 devices).</summary>
    public const int MaxBytes = 1 << 20;

    private const string HeaderWord = "bodycam-device-registry";

    private readonly Dictionary<string, DeviceRegistryEntry> _byId;
    private readonly List<DeviceRegistryEntry> _entries;

    private DeviceRegistry(List<DeviceRegistryEntry> entries)
    {
        _entries = entries;
        _byId = new Dictionary<string, DeviceRegistryEntry>(StringComparer.Ordinal);
        foreach (DeviceRegistryEntry entry in entries)
        {
            _byId.Add(entry.DeviceId, entry);
        }
    }

    /// <summary>Gets the devices in file order.</summary>
    public IReadOnlyList<DeviceRegistryEntry> Entries => _entries;

    /// <summary>Creates an empty registry.</summary>
    /// <returns>A registry with no devices.</returns>
    public static DeviceRegistry Empty() => new([]);

    /// <summary>Reads a registry file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="DeviceRegistryException">The file is not a valid registry.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DeviceRegistry Load(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw new DeviceRegistryException(DeviceRegistryError.BadText, 0, $"The registry is larger than {MaxBytes} bytes.");
        }

        return Parse(File.ReadAllBytes(path));
    }

    /// <summary>Parses a registry from its bytes.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="DeviceRegistryException">The bytes are not a valid registry.</exception>
    public static DeviceRegistry Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new DeviceRegistryException(DeviceRegistryError.BadText, 0, $"The registry is larger than {MaxBytes} bytes.");
        }

        int line = 1;
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n')
            {
                line++;
            }
            else if (b < 0x20 || b > 0x7E)
            {
                throw new DeviceRegistryException(DeviceRegistryError.BadText, line, "Only printable ASCII and LF line ends are allowed (found byte 0x" + b.ToString("x2") + ").");
            }
        }

        string[] lines = Encoding.ASCII.GetString(bytes).Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        if (count == 0 || !lines[0].StartsWith(HeaderWord + " ", StringComparison.Ordinal))
        {
            throw new DeviceRegistryException(DeviceRegistryError.MissingHeader, 1, "The first line must be '" + Header + "'.");
        }

        if (lines[0] != Header)
        {
            throw new DeviceRegistryException(DeviceRegistryError.UnsupportedVersion, 1, "Unsupported registry version: '" + lines[0] + "' (this library reads '" + Header + "').");
        }

        var entries = new List<DeviceRegistryEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < count; i++)
        {
            string text = lines[i];
            int number = i + 1;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            string[] fields = text.Split(' ');
            if (fields.Length != 4 || fields[0] != "device")
            {
                throw new DeviceRegistryException(DeviceRegistryError.MalformedLine, number, "Expected 'device <device-id> <municipality-id> <public-key-hex>' separated by single spaces.");
            }

            DeviceRegistryEntry entry = Entry(fields[1], fields[2], fields[3], number);
            if (!ids.Add(entry.DeviceId))
            {
                throw new DeviceRegistryException(DeviceRegistryError.DuplicateDevice, number, "Device '" + entry.DeviceId + "' is listed twice.");
            }

            if (!keys.Add(entry.PublicKeyHex))
            {
                throw new DeviceRegistryException(DeviceRegistryError.DuplicatePublicKey, number, "The public key of '" + entry.DeviceId + "' is already listed for another device.");
            }

            entries.Add(entry);
        }

        return new DeviceRegistry(entries);
    }

    /// <summary>Checks the fields of one entry and makes it.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="municipalityId">The municipality id.</param>
    /// <param name="publicKeyHex">The public key as 64 hex digits.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="DeviceRegistryException">A field is not valid (line number 0).</exception>
    public static DeviceRegistryEntry CreateEntry(string deviceId, string municipalityId, string publicKeyHex) =>
        Entry(deviceId, municipalityId, publicKeyHex, 0);

    /// <summary>Finds a device.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns>True when the device is listed.</returns>
    public bool TryFind(string deviceId, out DeviceRegistryEntry entry)
    {
        if (_byId.TryGetValue(deviceId, out DeviceRegistryEntry? found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Returns a registry with one more device (the file is not touched: see <see cref="Save"/>).</summary>
    /// <param name="entry">The device.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="DeviceRegistryException">The id or the key is already listed.</exception>
    public DeviceRegistry Add(DeviceRegistryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        CreateEntry(entry.DeviceId, entry.MunicipalityId, entry.PublicKeyHex);
        if (_byId.ContainsKey(entry.DeviceId))
        {
            throw new DeviceRegistryException(DeviceRegistryError.DuplicateDevice, 0, "Device '" + entry.DeviceId + "' is already listed.");
        }

        foreach (DeviceRegistryEntry e in _entries)
        {
            if (e.PublicKey.Span.SequenceEqual(entry.PublicKey.Span))
            {
                throw new DeviceRegistryException(DeviceRegistryError.DuplicatePublicKey, 0, "That public key is already listed for '" + e.DeviceId + "'.");
            }
        }

        return new DeviceRegistry([.. _entries, entry]);
    }

    /// <summary>Writes the registry in the version 1 format.</summary>
    /// <returns>The file's text.</returns>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        foreach (DeviceRegistryEntry e in _entries)
        {
            text.Append("device ").Append(e.DeviceId).Append(' ').Append(e.MunicipalityId).Append(' ').Append(e.PublicKeyHex).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the registry to a file: a temporary sibling, flushed, then renamed over the file.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(ToText()));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static DeviceRegistryEntry Entry(string deviceId, string municipalityId, string publicKeyHex, int line)
    {
        if (!IsId(deviceId, allowUpper: true, allowDotUnderscore: true))
        {
            throw new DeviceRegistryException(DeviceRegistryError.BadDeviceId, line, "Bad device id '" + deviceId + "': 1 to 64 of A-Z a-z 0-9 . _ -.");
        }

        if (!IsId(municipalityId, allowUpper: false, allowDotUnderscore: false))
        {
            throw new DeviceRegistryException(DeviceRegistryError.BadMunicipalityId, line, "Bad municipality id '" + municipalityId + "': 1 to 64 of a-z 0-9 -.");
        }

        if (publicKeyHex.Length != 64 || !IsHex(publicKeyHex))
        {
            throw new DeviceRegistryException(DeviceRegistryError.BadPublicKey, line, "The public key of '" + deviceId + "' must be 64 hex digits (32 bytes), as 'bodycam device status' prints DevicePublicKey.");
        }

        return new DeviceRegistryEntry(deviceId, municipalityId, Convert.FromHexString(publicKeyHex));
    }

    private static bool IsId(string value, bool allowUpper, bool allowDotUnderscore)
    {
        if (value.Length is < 1 or > 64)
        {
            return false;
        }

        foreach (char c in value)
        {
            bool ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'
                || (allowUpper && char.IsAsciiLetterUpper(c))
                || (allowDotUnderscore && (c == '.' || c == '_'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(string value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
