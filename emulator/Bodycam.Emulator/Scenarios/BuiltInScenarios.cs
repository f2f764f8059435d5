using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Bodycam.Emulator.Scenarios;

/// <summary>The scenario library (the repository's scenarios/ folder) embedded in the emulator.</summary>
public static class BuiltInScenarios
{
    private const string Prefix = "scenarios/";

    /// <summary>The built-in scenario names (file names without .yaml), sorted.</summary>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        foreach (string resource in typeof(BuiltInScenarios).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(".yaml", StringComparison.Ordinal))
            {
                names.Add(resource.Substring(Prefix.Length, resource.Length - Prefix.Length - 5));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Reads a built-in scenario's text.</summary>
    /// <param name="name">The name (with or without .yaml).</param>
    /// <param name="text">The YAML.</param>
    /// <returns>Whether the name is built in.</returns>
    public static bool TryRead(string name, out string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        string file = name.EndsWith(".yaml", StringComparison.Ordinal) ? name : name + ".yaml";
        Assembly assembly = typeof(BuiltInScenarios).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream(Prefix + file);
        if (stream == null)
        {
            text = string.Empty;
            return false;
        }

        using var reader = new StreamReader(stream);
        text = reader.ReadToEnd();
        return true;
    }
}
