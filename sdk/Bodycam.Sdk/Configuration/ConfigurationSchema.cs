using System;
using System.Collections.Generic;

namespace Bodycam.Sdk.Configuration;

/// <summary>
/// The configuration document's keys, ranges and factory values (docs/configuration.md, "Keys"): the SDK's one
/// definition of them. The firmware has its own (the SDK does not reference it); tests/Bodycam.Conformance.Tests pins
/// the two to each other and to the document.
/// </summary>
public static class ConfigurationSchema
{
    /// <summary>Largest pre-record window: 120 s (the municipal decision allows a short pre-record only).</summary>
    public const long MaximumPreRecordWindowMilliseconds = 120000;

    private static readonly ConfigurationKey[] s_keys =
    [
        new("debounce-ms", 10, 200, 30, false),
        new("double-press-window-ms", 150, 2000, 600, false),
        new("stop-hold-ms", 1000, 10000, 3000, false),
        new("stuck-button-ms", 5000, 600000, 30000, false),
        new("reminder-interval-ms", 10000, 3600000, 120000, false),
        new("clock-not-set-cue-interval-ms", 10000, 3600000, 60000, false),
        new("fault-cue-interval-ms", 5000, 3600000, 30000, false),
        new("pre-record-window-ms", 0, MaximumPreRecordWindowMilliseconds, 30000, false),
        new("pre-record-audio", 0, 1, 0, true),
        new("storage-reserve-bytes", 0, 64L * 1024 * 1024 * 1024, 16L * 1024 * 1024, false),
        new("battery-critical-percent", 1, 30, 5, false),
        new("battery-resume-percent", 2, 50, 10, false),
        new("battery-check-interval-ms", 1000, 600000, 10000, false),
    ];

    private static readonly Dictionary<string, ConfigurationKey> s_byName = BuildIndex();

    /// <summary>Gets the keys in docs/configuration.md's order.</summary>
    public static IReadOnlyList<ConfigurationKey> Keys => s_keys;

    /// <summary>Finds a key by name (case-sensitive).</summary>
    /// <param name="key">The document's key.</param>
    /// <param name="entry">The key's row, when found.</param>
    /// <returns>True when the schema has the key.</returns>
    public static bool TryFind(string key, out ConfigurationKey entry)
    {
        return s_byName.TryGetValue(key, out entry!);
    }

    private static Dictionary<string, ConfigurationKey> BuildIndex()
    {
        var index = new Dictionary<string, ConfigurationKey>(StringComparer.Ordinal);
        foreach (ConfigurationKey key in s_keys)
        {
            index.Add(key.Key, key);
        }

        return index;
    }
}
