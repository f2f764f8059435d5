using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Bodycam.Cli;
using Bodycam.Cli.Vault;
using Bodycam.Emulator.Commands;
using Xunit;

namespace Bodycam.Emulator.Tests.Commands;

/// <summary>The exit-code tables of docs/emulator.md and sdk/Bodycam.Cli/README.md list exactly the codes the tools define.</summary>
public sealed class ExitCodeTableTests
{
    [Fact]
    public void EmulatorTable_ListsEveryCodeOfBothTools_AndNoOther()
    {
        ISet<int> documented = Rows(Path.Combine("docs", "emulator.md"), "### Exit codes");
        var defined = new SortedSet<int>(Codes(typeof(EmulatorExitCodes)).Concat(Codes(typeof(ExitCodes))).Concat(Codes(typeof(VaultExitCodes))));

        Assert.Equal(defined, documented);
    }

    [Fact]
    public void CliReadmeTable_ListsEveryCodeOfBodycam_AndNoOther()
    {
        ISet<int> documented = Rows(Path.Combine("sdk", "Bodycam.Cli", "README.md"), "## Exit codes and errors");
        var defined = new SortedSet<int>(Codes(typeof(ExitCodes)).Concat(Codes(typeof(VaultExitCodes))));

        Assert.Equal(defined, documented);
    }

    [Fact]
    public void Codes_OfTheTwoTools_AgreeWhereTheyShareAName()
    {
        Assert.Equal(ExitCodes.Usage, EmulatorExitCodes.Usage);
        Assert.Equal(ExitCodes.CheckFailed, EmulatorExitCodes.CheckFailed);
        Assert.Equal(ExitCodes.KeyError, EmulatorExitCodes.KeyError);
        Assert.Equal(ExitCodes.FileError, EmulatorExitCodes.FileError);
        Assert.Equal(ExitCodes.InternalError, EmulatorExitCodes.InternalError);
        Assert.Equal(ExitCodes.LinkFailed, EmulatorExitCodes.EndpointFailed);
        Assert.DoesNotContain(VaultExitCodes.Refused, Codes(typeof(EmulatorExitCodes)));
    }

    private static IEnumerable<int> Codes(Type type)
    {
        return type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!);
    }

    private static SortedSet<int> Rows(string relative, string heading)
    {
        string root = Path.GetDirectoryName(RepositoryPaths.Scenarios())!;
        string text = File.ReadAllText(Path.Combine(root, relative));
        int start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, relative + " has no section " + heading);
        var codes = new SortedSet<int>();
        bool inTable = false;
        foreach (string line in text[(start + heading.Length + 1)..].Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                inTable = true;
                Match m = Regex.Match(line, @"^\| (\d+) \|");
                if (m.Success)
                {
                    codes.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }
            else if (inTable)
            {
                break;
            }
        }

        return codes;
    }
}
