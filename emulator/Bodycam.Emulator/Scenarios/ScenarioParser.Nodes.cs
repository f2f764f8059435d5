using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bodycam.Emulator.Scenarios;

/// <summary>Reading YAML nodes into values (durations, counts, ranges, one of a list) with the node's line and column on error.</summary>
public static partial class ScenarioParser
{
    private sealed partial class Reader
    {
        private YamlNode NeedValue(string key, YamlNode item, YamlNode? value)
        {
            return value ?? throw Error(ScenarioErrorKind.MissingKey, item, "step '" + key + "' needs a value");
        }

        private void NoValue(string key, YamlNode? value)
        {
            if (value != null && !(value is YamlScalarNode s && string.IsNullOrEmpty(s.Value)))
            {
                throw Error(ScenarioErrorKind.InvalidValue, value, "step '" + key + "' takes no value");
            }
        }

        private void CheckKeys(YamlMappingNode map, string[] allowed, ScenarioErrorKind kind, string what)
        {
            foreach (YamlNode key in map.Children.Keys)
            {
                string name = Scalar(key);
                if (Array.IndexOf(allowed, name) < 0)
                {
                    throw Error(kind, key, "unknown " + what + " '" + name + "' (allowed: " + string.Join(", ", allowed) + ")");
                }
            }
        }

        private YamlNode Require(YamlMappingNode map, string key)
        {
            if (TryGet(map, key, out YamlNode? node))
            {
                return node;
            }

            throw Error(ScenarioErrorKind.MissingKey, map, "missing key '" + key + "'");
        }

        private static bool TryGet(YamlMappingNode map, string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out YamlNode? node)
        {
            return map.Children.TryGetValue(new YamlScalarNode(key), out node);
        }

        private YamlMappingNode Mapping(YamlNode node, string what)
        {
            return node as YamlMappingNode ?? throw Error(ScenarioErrorKind.InvalidValue, node, what + " must be a mapping of keys to values");
        }

        private string Scalar(YamlNode node)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value ?? string.Empty;
            }

            throw Error(ScenarioErrorKind.InvalidValue, node, "expected a single value here");
        }

        private string? OptionalScalar(YamlMappingNode map, string key)
        {
            return TryGet(map, key, out YamlNode? node) ? Scalar(node) : null;
        }

        private long Duration(YamlNode node)
        {
            if (!Quantity.TryParseDuration(Scalar(node), out long ms))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "'" + Scalar(node) + "' is not a duration (500ms, 90s, 2m, 10h)");
            }

            return ms;
        }

        private long? OptionalDuration(YamlMappingNode map, string key)
        {
            return TryGet(map, key, out YamlNode? node) ? Duration(node) : null;
        }

        private ValueRange? OptionalDurationRange(YamlMappingNode map, string key)
        {
            if (!TryGet(map, key, out YamlNode? node))
            {
                return null;
            }

            if (!Quantity.TryParseDurationRange(Scalar(node), out ValueRange range))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "'" + Scalar(node) + "' is not a duration or range (30s, 120s..125s)");
            }

            return range;
        }

        private ValueRange? OptionalCount(YamlMappingNode map, string key)
        {
            if (!TryGet(map, key, out YamlNode? node))
            {
                return null;
            }

            if (!Quantity.TryParseCountRange(Scalar(node), out ValueRange range))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "'" + Scalar(node) + "' is not a count or range (2, 1..3)");
            }

            return range;
        }

        private bool? OptionalBool(YamlMappingNode map, string key)
        {
            if (!TryGet(map, key, out YamlNode? node))
            {
                return null;
            }

            return Scalar(node) switch
            {
                "true" => true,
                "false" => false,
                _ => throw Error(ScenarioErrorKind.InvalidValue, node, key + " is true or false"),
            };
        }

        private int Integer(YamlNode node, int min, int max, string what)
        {
            if (!int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, what + " is an integer " + min + ".." + max);
            }

            return value;
        }

        private long Bytes(YamlNode node)
        {
            if (!Quantity.TryParseBytes(Scalar(node), out long bytes))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "'" + Scalar(node) + "' is not a size (4096, 64KB, 2MB, 32GB, 1GiB)");
            }

            return bytes;
        }

        private double Percent(YamlNode node)
        {
            if (!Quantity.TryParsePercent(Scalar(node), out double percent))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "'" + Scalar(node) + "' is not a percentage 0%..100%");
            }

            return percent;
        }

        private string OneOf(YamlNode node, string[] allowed, string what)
        {
            string s = Scalar(node);
            if (Array.IndexOf(allowed, s) < 0)
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "unknown " + what + " '" + s + "' (one of " + string.Join(", ", allowed) + ")");
            }

            return s;
        }

        private static string Describe(YamlNode node)
        {
            if (node is YamlScalarNode s)
            {
                return s.Value ?? string.Empty;
            }

            if (node is YamlMappingNode m)
            {
                var parts = new List<string>();
                foreach (KeyValuePair<YamlNode, YamlNode> pair in m.Children)
                {
                    parts.Add(Describe(pair.Key) + ": " + Describe(pair.Value));
                }

                return "{ " + string.Join(", ", parts) + " }";
            }

            return node.ToString();
        }

        private ScenarioException Error(ScenarioErrorKind kind, YamlNode node, string detail)
        {
            return new ScenarioException(kind, _file, (int)node.Start.Line, (int)node.Start.Column, detail);
        }
    }
}
