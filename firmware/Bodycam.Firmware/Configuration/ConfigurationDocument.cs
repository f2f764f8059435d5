using System;

namespace Bodycam.Firmware.Configuration;

/// <summary>
/// The configuration document a municipality pushes over the dock (docs/configuration.md): ASCII <c>key=value</c>
/// lines separated by LF, first line <c>version=1</c>, <c>#</c> comment lines and empty lines allowed. A document
/// states every remotely settable value: a key it leaves out takes the factory value. Unknown keys, duplicate keys,
/// malformed lines and values outside their range reject the whole document; <see cref="Apply"/> changes nothing
/// unless every line and the rules between settings hold.
/// </summary>
public static class ConfigurationDocument
{
    /// <summary>The format version this firmware reads (the value of the first line, <c>version=1</c>).</summary>
    public const int Version = 1;

    /// <summary>The longest document accepted, in bytes.</summary>
    public const int MaxLength = 2048;

    /// <summary>Gets the number of keys a document may hold (<see cref="ConfigurationSchema"/>'s table).</summary>
    public static int KeyCount => ConfigurationSchema.Count;

    /// <summary>Gets a key's name.</summary>
    /// <param name="index">0 to <see cref="KeyCount"/> - 1.</param>
    /// <returns>The key.</returns>
    public static string GetKey(int index)
    {
        return ConfigurationSchema.Get(index).Key;
    }

    /// <summary>
    /// Parses a document and, when it is valid, sets <paramref name="target"/>'s remotely settable values to the
    /// factory values overridden by the document. The board's memory budget in <paramref name="target"/> is kept.
    /// </summary>
    /// <param name="document">Source buffer.</param>
    /// <param name="offset">First byte of the document.</param>
    /// <param name="count">Length of the document.</param>
    /// <param name="target">The configuration to change (unchanged when an exception is thrown).</param>
    /// <exception cref="ConfigurationException">The document is invalid; <see cref="ConfigurationException.Field"/> names the key.</exception>
    public static void Apply(byte[] document, int offset, int count, DeviceConfiguration target)
    {
        if (document == null || target == null)
        {
            throw new ArgumentNullException(document == null ? "document" : "target");
        }

        if (offset < 0 || count < 0 || offset + count > document.Length)
        {
            throw new ArgumentOutOfRangeException("count");
        }

        if (count > MaxLength)
        {
            throw new ConfigurationException(ConfigurationError.TooLong, "document", "the document has " + count.ToString() + " bytes; at most " + MaxLength.ToString() + " are allowed");
        }

        DeviceConfiguration staged = new DeviceConfiguration();
        bool[] seen = new bool[ConfigurationSchema.Count];
        bool versionSeen = false;
        int line = 0;
        int position = offset;
        int end = offset + count;
        while (position < end)
        {
            line++;
            int lineEnd = position;
            while (lineEnd < end && document[lineEnd] != (byte)'\n')
            {
                lineEnd++;
            }

            ReadLine(document, position, lineEnd, line, staged, seen, ref versionSeen);
            position = lineEnd + 1;
        }

        if (!versionSeen)
        {
            throw new ConfigurationException(ConfigurationError.UnsupportedVersion, "version", "the document is empty; it starts with version=" + Version.ToString());
        }

        // The board's camera is not a document key: the document is checked against the target's.
        staged.CameraKeyFrameIntervalMilliseconds = target.CameraKeyFrameIntervalMilliseconds;
        try
        {
            staged.Validate();
        }
        catch (ConfigurationException e)
        {
            if (e.OtherField.Length > 0)
            {
                throw ConfigurationException.WindowShorterThanKeyFrameInterval(
                    KeyOfField(e.Field), KeyOfField(e.OtherField), e.Value, e.Minimum, e.Maximum);
            }

            throw new ConfigurationException(KeyOfField(e.Field), e.Value, e.Minimum, e.Maximum);
        }

        target.CopySettingsFrom(staged);
    }

    private static void ReadLine(byte[] document, int start, int end, int line, DeviceConfiguration staged, bool[] seen, ref bool versionSeen)
    {
        string where = "line " + line.ToString();
        if (start == end || document[start] == (byte)'#')
        {
            if (!versionSeen)
            {
                throw new ConfigurationException(ConfigurationError.UnsupportedVersion, "version", where + ": the document starts with version=" + Version.ToString());
            }

            return;
        }

        int equals = -1;
        for (int i = start; i < end; i++)
        {
            byte b = document[i];
            if (b < 0x20 || b > 0x7E)
            {
                // Printable ASCII only: a CR (CRLF line ends), a tab or a UTF-8 look-alike is refused, not guessed at.
                throw new ConfigurationException(ConfigurationError.Syntax, where, where + ": byte 0x" + ((int)b).ToString("X2") + " is not printable ASCII");
            }

            if (b == (byte)'=' && equals < 0)
            {
                equals = i;
            }
        }

        if (equals <= start || equals == end - 1)
        {
            throw new ConfigurationException(ConfigurationError.Syntax, where, where + ": expected key=value");
        }

        string key = Ascii(document, start, equals);
        if (!versionSeen)
        {
            if (key != "version")
            {
                throw new ConfigurationException(ConfigurationError.UnsupportedVersion, "version", where + ": the document starts with version=" + Version.ToString());
            }

            long version = ParseNumber(document, equals + 1, end, "version", where);
            if (version != Version)
            {
                throw new ConfigurationException(ConfigurationError.UnsupportedVersion, "version", where + ": version " + version.ToString() + " is not supported (this firmware reads " + Version.ToString() + ")");
            }

            versionSeen = true;
            return;
        }

        ConfigurationKey? entry = ConfigurationSchema.Find(key);
        if (entry == null)
        {
            throw new ConfigurationException(ConfigurationError.UnknownKey, key, where + ": unknown key '" + key + "'");
        }

        if (seen[entry.Index])
        {
            throw new ConfigurationException(ConfigurationError.Duplicate, key, where + ": '" + key + "' appears twice");
        }

        seen[entry.Index] = true;
        long number;
        if (entry.IsBoolean)
        {
            string value = Ascii(document, equals + 1, end);
            if (value == "true")
            {
                number = 1;
            }
            else if (value == "false")
            {
                number = 0;
            }
            else
            {
                throw new ConfigurationException(ConfigurationError.Syntax, key, where + ": " + key + " is true or false");
            }
        }
        else
        {
            number = ParseNumber(document, equals + 1, end, key, where);
        }

        try
        {
            staged.SetValue(entry, number);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException(key, e.Value, e.Minimum, e.Maximum);
        }
    }

    // Decimal digits only (no sign, no spaces), at most 18 of them so the value fits a long.
    private static long ParseNumber(byte[] document, int start, int end, string key, string where)
    {
        if (end - start < 1 || end - start > 18)
        {
            throw new ConfigurationException(ConfigurationError.Syntax, key, where + ": " + key + " is a whole number of 1 to 18 digits");
        }

        long value = 0;
        for (int i = start; i < end; i++)
        {
            int digit = document[i] - '0';
            if (digit < 0 || digit > 9)
            {
                throw new ConfigurationException(ConfigurationError.Syntax, key, where + ": " + key + " is a whole number (digits only)");
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    private static string KeyOfField(string field)
    {
        ConfigurationKey? key = ConfigurationSchema.FindByField(field);
        return key == null ? field : key.Key;
    }

    private static string Ascii(byte[] data, int start, int end)
    {
        char[] chars = new char[end - start];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)data[start + i];
        }

        return new string(chars);
    }
}
