using System;
using System.Collections.Generic;
using System.Text;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Scenarios;

/// <summary>The kebab-case names the scenario language and the timeline use for enum values.</summary>
public static class Names
{
    /// <summary>Converts a PascalCase name to kebab-case (<c>BlinkFast</c> to <c>blink-fast</c>).</summary>
    /// <param name="pascal">The name.</param>
    /// <returns>The kebab-case name.</returns>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses a kebab-case LED pattern name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>Whether the name is a pattern.</returns>
    public static bool TryParseLedPattern(string name, out LedPattern pattern)
    {
        foreach (LedPattern p in Enum.GetValues<LedPattern>())
        {
            if (Kebab(p.ToString()) == name)
            {
                pattern = p;
                return true;
            }
        }

        pattern = LedPattern.Off;
        return false;
    }

    /// <summary>Parses a kebab-case cue name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cue">The cue.</param>
    /// <returns>Whether the name is a cue.</returns>
    public static bool TryParseCue(string name, out Cue cue)
    {
        foreach (Cue c in Enum.GetValues<Cue>())
        {
            if (Kebab(c.ToString()) == name)
            {
                cue = c;
                return true;
            }
        }

        cue = Cue.Ready;
        return false;
    }

    /// <summary>Every LED pattern name.</summary>
    /// <returns>The names.</returns>
    public static IEnumerable<string> LedPatternNames()
    {
        foreach (LedPattern p in Enum.GetValues<LedPattern>())
        {
            yield return Kebab(p.ToString());
        }
    }

    /// <summary>Every cue name.</summary>
    /// <returns>The names.</returns>
    public static IEnumerable<string> CueNames()
    {
        foreach (Cue c in Enum.GetValues<Cue>())
        {
            yield return Kebab(c.ToString());
        }
    }
}
