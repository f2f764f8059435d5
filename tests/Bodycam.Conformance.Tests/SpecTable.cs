using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Bodycam.Conformance.Tests;

/// <summary>Reads a Markdown table from one of the specs in docs/ (copied next to the tests).</summary>
public static class SpecTable
{
    /// <summary>
    /// Returns the rows (cells trimmed, backticks removed) of the first table whose header row is
    /// <paramref name="header"/>, after the first heading that starts with <paramref name="section"/>.
    /// </summary>
    /// <param name="document">The file name in docs/, for example <c>dock-protocol.md</c>.</param>
    /// <param name="section">The heading, for example <c>## Errors</c>.</param>
    /// <param name="header">The table's header cells.</param>
    /// <returns>The body rows.</returns>
    public static IReadOnlyList<string[]> Read(string document, string section, params string[] header)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", document));
        int at = Array.FindIndex(lines, l => l.StartsWith(section, StringComparison.Ordinal));
        Assert.True(at >= 0, $"{document} has no section '{section}'");
        for (int i = at + 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal) && !lines[i].StartsWith(section, StringComparison.Ordinal))
            {
                break;
            }

            if (!lines[i].StartsWith('|') || !Cells(lines[i]).SequenceEqual(header))
            {
                continue;
            }

            var rows = new List<string[]>();
            for (int j = i + 2; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                rows.Add(Cells(lines[j]));
            }

            Assert.NotEmpty(rows);
            return rows;
        }

        Assert.Fail($"{document}, '{section}': no table with the header | {string.Join(" | ", header)} |");
        return Array.Empty<string[]>();
    }

    private static string[] Cells(string line)
    {
        // A cell may hold an escaped pipe (`text\|csv`); none of the tables read here does in a pinned column.
        return line.Trim().Trim('|').Split('|').Select(c => c.Trim().Replace("`", string.Empty, StringComparison.Ordinal)).ToArray();
    }
}
