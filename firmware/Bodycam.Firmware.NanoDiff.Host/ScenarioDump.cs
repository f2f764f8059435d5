using System;
using System.Collections.Generic;

namespace Bodycam.Firmware.NanoDiff.Host;

/// <summary>One scenario of a dump: its trace and its storage.</summary>
/// <param name="name">The scenario name.</param>
public sealed class ScenarioDump(string name)
{
    /// <summary>Gets the scenario name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the device's event trace, in order.</summary>
    public List<string> Trace { get; } = new();

    /// <summary>Gets the files of the storage by name (in the order the device listed them).</summary>
    public SortedDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether the dump of this scenario reached its end line.</summary>
    public bool Complete { get; set; }
}
