using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Storage;

/// <summary>
/// The foreign files (docs/recording-format.md §5) the audit trail already reports, kept in device-internal storage: a
/// foreign file is audited when it appears or changes length, not again at every boot, so the trail does not count the
/// device's power-ons (docs/audit-trail.md, the works-council test). One ASCII line per file, <c>name,length</c>. A
/// ledger that cannot be read whole (damaged, longer than <see cref="MaxBytes"/>) only makes some files reported again.
/// </summary>
public sealed class ForeignFileLedger
{
    /// <summary>The ledger's file name in internal storage.</summary>
    public const string FileName = "foreignseen";

    /// <summary>The most bytes of the ledger read: about a hundred entries (a name is at most 64 characters).</summary>
    public const int MaxBytes = 8192;

    private readonly IFileStorage _storage;

    /// <summary>Initializes a new instance of the <see cref="ForeignFileLedger"/> class.</summary>
    /// <param name="storage">Device-internal storage (never the card).</param>
    public ForeignFileLedger(IFileStorage storage)
    {
        if (storage == null)
        {
            throw new ArgumentNullException("storage");
        }

        _storage = storage;
    }

    /// <summary>The entry of one file: its name and length.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="length">The file's length in bytes.</param>
    /// <returns>The entry.</returns>
    public static string Entry(string name, long length)
    {
        return name + "," + length.ToString();
    }

    /// <summary>Tells whether <paramref name="entries"/> holds <paramref name="entry"/>.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="entry">The entry looked for.</param>
    /// <returns>True when present.</returns>
    public static bool Holds(string[] entries, string entry)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i] == entry)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the entries saved at the last boot that found foreign files.</summary>
    /// <returns>The entries; none when there is no ledger.</returns>
    public string[] Load()
    {
        if (!_storage.Exists(FileName))
        {
            return new string[0];
        }

        long length = _storage.GetLength(FileName);
        byte[] bytes = new byte[length > MaxBytes ? MaxBytes : (int)length];
        int read = FileStorageReads.ReadFully(_storage, FileName, 0, bytes, 0, bytes.Length);

        // Only complete lines count: a line cut by a power loss or by the cap is dropped (that file is reported again).
        int lines = 0;
        for (int i = 0; i < read; i++)
        {
            lines += bytes[i] == (byte)'\n' ? 1 : 0;
        }

        string[] entries = new string[lines];
        int start = 0;
        int line = 0;
        for (int i = 0; i < read && line < lines; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                char[] chars = new char[i - start];
                for (int k = 0; k < chars.Length; k++)
                {
                    chars[k] = (char)bytes[start + k];
                }

                entries[line++] = new string(chars);
                start = i + 1;
            }
        }

        return entries;
    }

    /// <summary>Replaces the ledger with <paramref name="entries"/> (the foreign files on the card now); none removes it.</summary>
    /// <param name="entries">The entries.</param>
    public void Save(string[] entries)
    {
        if (_storage.Exists(FileName))
        {
            _storage.Delete(FileName);
        }

        if (entries.Length == 0)
        {
            return;
        }

        int size = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            size += entries[i].Length + 1;
        }

        byte[] bytes = new byte[size];
        int at = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            string e = entries[i];
            for (int k = 0; k < e.Length; k++)
            {
                bytes[at++] = (byte)e[k];
            }

            bytes[at++] = (byte)'\n';
        }

        _storage.Create(FileName);
        _storage.Append(FileName, bytes, 0, bytes.Length);
        _storage.Flush(FileName);
    }
}
