using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Bodycam.Sdk.Configuration;

/// <summary>
/// Host-side check of a configuration document before it is signed and pushed (docs/configuration.md): the same
/// keys, ranges and rules as the firmware, so a mistake is reported with its key here rather than as a bare refusal
/// from the device. The device checks again; this is a convenience, not the guard.
/// </summary>
public static class DeviceConfigurationDocument
{
    /// <summary>The format version written on the first line.</summary>
    public const int Version = 1;

    /// <summary>The longest document a device accepts, in bytes.</summary>
    public const int MaxLength = 2048;

    /// <summary>Gets the keys a document may hold (<see cref="ConfigurationSchema"/>'s table).</summary>
    public static IReadOnlyCollection<string> Keys { get; } = ConfigurationSchema.Keys.Select(k => k.Key).ToArray();

    /// <summary>
    /// Checks a document and returns the bytes to sign: CRLF line ends become LF (the device reads LF only), and a
    /// final newline is added when missing.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <returns>The document's bytes.</returns>
    /// <exception cref="ConfigurationDocumentException">The device would refuse it; the exception names the key.</exception>
    public static byte[] Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.Length > 0 && !normalized.EndsWith('\n'))
        {
            normalized += "\n";
        }

        byte[] bytes = Encoding.UTF8.GetBytes(normalized);
        if (bytes.Length > MaxLength)
        {
            throw new ConfigurationDocumentException("document", $"The document has {bytes.Length} bytes; a device accepts at most {MaxLength}.");
        }

        Dictionary<string, long> values = ConfigurationSchema.Keys.ToDictionary(k => k.Key, k => k.Factory, StringComparer.Ordinal);
        HashSet<string> seen = new(StringComparer.Ordinal);
        string[] lines = normalized.Split('\n');
        bool versionSeen = false;
        for (int i = 0; i < lines.Length - 1; i++)
        {
            string where = "line " + (i + 1).ToString(CultureInfo.InvariantCulture);
            string line = lines[i];
            foreach (char c in line)
            {
                if (c < ' ' || c > '~')
                {
                    throw new ConfigurationDocumentException(where, $"{where}: only printable ASCII is allowed.");
                }
            }

            if (line.Length == 0 || line[0] == '#')
            {
                if (!versionSeen)
                {
                    throw new ConfigurationDocumentException("version", $"{where}: the document starts with version={Version}.");
                }

                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == line.Length - 1)
            {
                throw new ConfigurationDocumentException(where, $"{where}: expected key=value.");
            }

            string key = line[..equals];
            string value = line[(equals + 1)..];
            if (!versionSeen)
            {
                if (key != "version" || value != Version.ToString(CultureInfo.InvariantCulture))
                {
                    throw new ConfigurationDocumentException("version", $"{where}: the document starts with version={Version}.");
                }

                versionSeen = true;
                continue;
            }

            if (!ConfigurationSchema.TryFind(key, out ConfigurationKey range))
            {
                throw new ConfigurationDocumentException(key, $"{where}: unknown key '{key}' (known: {string.Join(", ", Keys)}).");
            }

            if (!seen.Add(key))
            {
                throw new ConfigurationDocumentException(key, $"{where}: '{key}' appears twice.");
            }

            long number;
            if (range.IsBoolean)
            {
                number = value switch
                {
                    "true" => 1,
                    "false" => 0,
                    _ => throw new ConfigurationDocumentException(key, $"{where}: {key} is true or false."),
                };
            }
            else if (value.Length > 18 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                throw new ConfigurationDocumentException(key, $"{where}: {key} is a whole number (digits only).");
            }

            if (number < range.Minimum || number > range.Maximum)
            {
                throw new ConfigurationDocumentException(key, $"{key} = {number} is outside {range.Minimum}..{range.Maximum}");
            }

            values[key] = number;
        }

        if (!versionSeen)
        {
            throw new ConfigurationDocumentException("version", $"The document is empty; it starts with version={Version}.");
        }

        // The rules between settings (DeviceConfiguration.Validate on the device).
        Rule(values, "stuck-button-ms", values["stop-hold-ms"] + 1);
        RuleMaximum(values, "debounce-ms", (values["double-press-window-ms"] / 3) - 1);
        Rule(values, "battery-resume-percent", values["battery-critical-percent"] + 1);
        return bytes;
    }

    // A rule that raises a key's minimum; its maximum stays the schema's.
    private static void Rule(Dictionary<string, long> values, string key, long min)
    {
        ConfigurationSchema.TryFind(key, out ConfigurationKey entry);
        Rule(values, key, min, entry.Maximum);
    }

    // A rule that lowers a key's maximum; its minimum stays the schema's.
    private static void RuleMaximum(Dictionary<string, long> values, string key, long max)
    {
        ConfigurationSchema.TryFind(key, out ConfigurationKey entry);
        Rule(values, key, entry.Minimum, max);
    }

    private static void Rule(Dictionary<string, long> values, string key, long min, long max)
    {
        long value = values[key];
        if (value < min || value > max)
        {
            throw new ConfigurationDocumentException(key, $"{key} = {value} is outside {min}..{max}");
        }
    }
}
