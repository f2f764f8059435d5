using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Bodycam.Sdk.Tests.Crypto;

/// <summary>Loads the published test vectors kept in tests/vectors (copied to the test output by the csproj).</summary>
internal static class VectorFiles
{
    public static string PathOf(string relative)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Test vector file missing from the test output: " + relative, path);
        }

        return path;
    }

    /// <summary>Every test of a Wycheproof testvectors_v1 file, with the fields of its group.</summary>
    public static List<WycheproofCase> Wycheproof(string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(PathOf("wycheproof/" + fileName)));
        var cases = new List<WycheproofCase>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                var flags = new List<string>();
                if (test.TryGetProperty("flags", out JsonElement f))
                {
                    foreach (JsonElement flag in f.EnumerateArray())
                    {
                        flags.Add(flag.GetString()!);
                    }
                }

                cases.Add(new WycheproofCase(group.Clone(), test.Clone(), test.GetProperty("result").GetString()!, flags));
            }
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataException("No test cases in " + fileName + ".");
        }

        return cases;
    }

    /// <summary>
    /// The records of a NIST CAVP .rsp file or a pyca "KEY = value" file: each record starts at a <c>Count = n</c>
    /// line and holds the <c>Name = value</c> lines after it; a bare <c>FAIL</c> line is recorded as the key FAIL;
    /// [section] lines are kept in the key "section" of every following record.
    /// </summary>
    public static List<Dictionary<string, string>> KeyValueRecords(string relative)
    {
        var records = new List<Dictionary<string, string>>();
        var section = new List<string>();
        Dictionary<string, string>? current = null;
        bool inHeader = false;
        foreach (string raw in File.ReadAllLines(PathOf(relative)))
        {
            string line = raw.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                if (!inHeader)
                {
                    section.Clear();
                    inHeader = true;
                }

                section.Add(line);
                current = null;
                continue;
            }

            inHeader = false;
            if (line.Length == 0)
            {
                continue;
            }

            if (current is null || line.StartsWith("count", StringComparison.OrdinalIgnoreCase))
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["section"] = string.Join(" ", section) };
                records.Add(current);
            }

            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                current[line] = "";
            }
            else
            {
                current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        records.RemoveAll(r => r.Count == 1);
        if (records.Count == 0)
        {
            throw new InvalidDataException("No records in " + relative + ".");
        }

        return records;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
