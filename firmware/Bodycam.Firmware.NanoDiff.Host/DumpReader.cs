using System;
using System.Collections.Generic;
using System.IO;

namespace Bodycam.Firmware.NanoDiff.Host;

/// <summary>Reads the line format of <see cref="Dump"/> back into scenarios, traces and files.</summary>
public static class DumpReader
{
    /// <summary>Parses a dump.</summary>
    /// <param name="text">The printed dump.</param>
    /// <param name="source">Which run it came from, for messages.</param>
    /// <returns>The scenarios in order.</returns>
    public static List<ScenarioDump> Parse(string text, string source)
    {
        var scenarios = new List<ScenarioDump>();
        ScenarioDump? current = null;
        string? file = null;
        MemoryStream? bytes = null;
        int number = 0;
        foreach (string raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("scenario ", StringComparison.Ordinal))
            {
                current = new ScenarioDump(line["scenario ".Length..]);
                scenarios.Add(current);
            }
            else if (current is null)
            {
                continue;
            }
            else if (line.StartsWith("trace ", StringComparison.Ordinal))
            {
                current.Trace.Add(line["trace ".Length..]);
            }
            else if (line.StartsWith("file ", StringComparison.Ordinal))
            {
                Close(current, file, bytes);
                string[] parts = line.Split(' ');
                file = parts[1];
                bytes = new MemoryStream();
            }
            else if (line.StartsWith("hex ", StringComparison.Ordinal) && bytes is not null)
            {
                bytes.Write(Convert.FromHexString(line.AsSpan("hex ".Length)));
            }
            else if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                Close(current, file, bytes);
                file = null;
                bytes = null;
                current.Complete = true;
                current = null;
            }
            else
            {
                throw new InvalidDataException(source + " dump, line " + number + ": unexpected \"" + line + "\"");
            }
        }

        return scenarios;
    }

    private static void Close(ScenarioDump scenario, string? file, MemoryStream? bytes)
    {
        if (file is not null && bytes is not null)
        {
            scenario.Files.Add(file, bytes.ToArray());
        }
    }
}
