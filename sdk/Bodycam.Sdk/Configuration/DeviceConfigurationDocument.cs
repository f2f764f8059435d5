using System;
using System.Collections.Generic;
using System.Globalization;
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

    private static readonly Dictionary<string, (long Min, long Max)> s_ranges = new(StringComparer.Ordinal)
    {
        ["debounce-ms"] = (0, 200),
        ["double-press-window-ms"] = (150, 2000),
        ["stop-hold-ms"] = (1000, 10000),
        ["stuck-button-ms"] = (5000, 600000),
        ["reminder-interval-ms"] = (10000, 3600000),
        ["clock-not-set-cue-interval-ms"] = (10000, 3600000),
        ["fault-cue-interval-ms"] = (5000, 3600000),
        ["pre-record-window-ms"] = (0, 120000),
        ["pre-record-audio"] = (0, 1),
        ["storage-reserve-bytes"] = (0, 64L * 1024 * 1024 * 1024),
        ["battery-critical-percent"] = (1, 30),
        ["battery-resume-percent"] = (2, 50),
        ["battery-check-interval-ms"] = (1000, 600000),
    };

    private static readonly Dictionary<string, long> s_factory = new(StringComparer.Ordinal)
    {
        ["debounce-ms"] = 30,
        ["double-press-window-ms"] = 600,
        ["stop-hold-ms"] = 3000,
        ["stuck-button-ms"] = 30000,
        ["battery-critical-percent"] = 5,
        ["battery-resume-percent"] = 10,
    };

    /// <summary>Gets the keys a document may hold.</summary>
    public static IReadOnlyCollection<string> Keys => s_ranges.Keys;

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

        Dictionary<string, long> values = new(s_factory, StringComparer.Ordinal);
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

            if (!s_ranges.TryGetValue(key, out (long Min, long Max) range))
            {
                throw new ConfigurationDocumentException(key, $"{where}: unknown key '{key}' (known: {string.Join(", ", s_ranges.Keys)}).");
            }

            if (!seen.Add(key))
            {
                throw new ConfigurationDocumentException(key, $"{where}: '{key}' appears twice.");
            }

            long number;
            if (key == "pre-record-audio")
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

            if (number < range.Min || number > range.Max)
            {
                throw new ConfigurationDocumentException(key, $"{key} = {number} is outside {range.Min}..{range.Max}");
            }

            values[key] = number;
        }

        if (!versionSeen)
        {
            throw new ConfigurationDocumentException("version", $"The document is empty; it starts with version={Version}.");
        }

        // The rules between settings (DeviceConfiguration.Validate on the device).
        Rule(values, "stuck-button-ms", values["stop-hold-ms"] + 1, 600000);
        Rule(values, "debounce-ms", 0, (values["double-press-window-ms"] / 3) - 1);
        Rule(values, "battery-resume-percent", values["battery-critical-percent"] + 1, 50);
        return bytes;
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
