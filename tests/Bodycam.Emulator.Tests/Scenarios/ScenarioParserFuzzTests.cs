using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bodycam.Emulator.Scenarios;
using Bodycam.Testing;
using CsCheck;
using Xunit;

namespace Bodycam.Emulator.Tests.Scenarios;

/// <summary>
/// The scenario parser on mutated library scenarios, YAML-like noise and arbitrary text: it returns a scenario or
/// throws <see cref="ScenarioException"/> with a kind, never another exception type, and never hangs.
/// </summary>
public class ScenarioParserFuzzTests
{
    private static readonly string[] s_library = BuiltInScenarios.Names().Select(n =>
    {
        BuiltInScenarios.TryRead(n, out string text);
        return text;
    }).ToArray();

    private static readonly string[] s_tokens =
    [
        ":", "- ", "  ", "\n", "{", "}", "[", "]", ",", "#", "&a", "*a", "!!str", "|", ">", "'", "\"", "%YAML 1.2", "---", "...",
        "?", "<<: *a", "~", "null", "true", "1e999", "-1", "0x10", "99999999999999999999", "1h", "0s", "-5s", "10h",
        "press", "double", "hold 3s", "advance", "expect-state", "steps", "version", "name", "seed", "camera", "device",
        "resolution", "99999x99999", "0x0", "fps", "count", "duration", "1s..", "..", "\t", "\u00e9", "\uFEFF", "\0",
    ];

    [Theory]
    [InlineData("version: 1\nname: x\nsteps:\n  - advance: 30s\n  - expect-recordings: { count: 1, pre-record: 19s..21s }\n:")]
    [InlineData("!!str],0x10---")]
    public void Parse_InputTheYamlLoaderRejectsWithArgumentException_IsSyntaxError(string text)
    {
        // Regression: an empty key and an invalid global tag escaped as ArgumentException from the YAML loader.
        var ex = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(text, "fuzz.yaml"));

        Assert.Equal(ScenarioErrorKind.Syntax, ex.Kind);
    }

    [Fact]
    public void Parse_MutatedLibraryScenarios_ResultOrScenarioException()
    {
        Gen<(int Kind, int A, int B, int Token)> edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, s_tokens.Length - 1]);
        Gen<string> mutated = Gen.Select(Gen.Int[0, s_library.Length - 1], edit.Array[1, 6]).Select((i, edits) => Mutate(s_library[i], edits));

        mutated.Sample(Parse, seed: "0000000000000", threads: 1, iter: 3000);
    }

    [Fact]
    public void Parse_YamlLikeNoise_ResultOrScenarioException()
    {
        Gen<string> noise = Gen.Int[0, s_tokens.Length - 1].Array[0, 80].Select(t => string.Concat(t.Select(i => s_tokens[i])));

        noise.Sample(Parse, seed: "0000000000000", threads: 1, iter: 3000);
    }

    [Fact]
    public void Parse_ArbitraryText_ResultOrScenarioException()
    {
        Gen.String.Sample(Parse, seed: "0000000000000", threads: 1, iter: 2000);
    }

    private static void Parse(string text)
    {
        FuzzGuard.Run(
            () =>
            {
                try
                {
                    Scenario scenario = ScenarioParser.Parse(text, "fuzz.yaml");
                    Assert.NotNull(scenario.Name);
                }
                catch (ScenarioException e)
                {
                    Assert.True(Enum.IsDefined(e.Kind), "undefined error kind");
                }
                catch (Exception e)
                {
                    Assert.Fail(e.GetType().Name + " (" + e.Message + ") on: " + System.Text.Json.JsonSerializer.Serialize(text));
                }
            },
            text.Length + " characters");
    }

    private static string Mutate(string text, (int Kind, int A, int B, int Token)[] edits)
    {
        var lines = text.Split('\n').ToList();
        foreach ((int kind, int a, int b, int token) in edits)
        {
            if (lines.Count == 0)
            {
                lines.Add(string.Empty);
            }

            int i = a % lines.Count;
            int j = b % lines.Count;
            string line = lines[i];
            switch (kind)
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.Insert(j, line);
                    break;
                case 2:
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3:
                    lines[i] = b % 2 == 0 ? "  " + line : line.TrimStart();
                    break;
                case 4:
                    lines[i] = line.Insert(b % (line.Length + 1), s_tokens[token]);
                    break;
                default:
                    {
                        // Replace the value after a key with a token.
                        int colon = line.IndexOf(':', StringComparison.Ordinal);
                        lines[i] = colon < 0 ? line + s_tokens[token] : line[..(colon + 1)] + " " + s_tokens[token];
                        break;
                    }
            }
        }

        return string.Join('\n', lines);
    }
}
