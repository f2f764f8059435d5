using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bodycam.Emulator.Scenarios;

/// <summary>Reading the steps of a scenario (docs/emulator.md, "Steps"): one method per step kind.</summary>
public static partial class ScenarioParser
{
    private sealed partial class Reader
    {
        private ScenarioStep ReadStep(YamlNode item)
        {
            string key;
            YamlNode? value;
            YamlNode keyNode = item;
            if (item is YamlScalarNode bare)
            {
                key = bare.Value ?? string.Empty;
                value = null;
            }
            else if (item is YamlMappingNode map && map.Children.Count == 1)
            {
                KeyValuePair<YamlNode, YamlNode> pair = System.Linq.Enumerable.First(map.Children);
                key = Scalar(pair.Key);
                keyNode = pair.Key;
                value = pair.Value;
            }
            else
            {
                throw Error(ScenarioErrorKind.InvalidValue, item, "a step is one 'name: value' pair or a bare name (power-cut, power-on, dock, undock, offload)");
            }

            int line = (int)item.Start.Line;
            int column = (int)item.Start.Column;
            string text = value == null ? key : key + ": " + Describe(value);
            switch (key)
            {
                case "advance":
                    return new ScenarioStep { Kind = StepKind.Advance, Line = line, Column = column, Text = text, Milliseconds = Duration(NeedValue(key, item, value)) };
                case "press":
                    return ReadPress(NeedValue(key, item, value), line, column, text);
                case "expect-state":
                    return new ScenarioStep { Kind = StepKind.ExpectState, Line = line, Column = column, Text = text, Name = OneOf(NeedValue(key, item, value), s_states, "state") };
                case "expect-fault":
                    return new ScenarioStep { Kind = StepKind.ExpectFault, Line = line, Column = column, Text = text, Name = OneOf(NeedValue(key, item, value), s_faults, "fault") };
                case "expect-led":
                    return ReadLed(NeedValue(key, item, value), line, column, text);
                case "expect-cue":
                    return ReadCue(NeedValue(key, item, value), line, column, text);
                case "expect-recordings":
                    return new ScenarioStep { Kind = StepKind.ExpectRecordings, Line = line, Column = column, Text = text, Recordings = ReadRecordings(NeedValue(key, item, value)) };
                case "power-cut":
                    NoValue(key, value);
                    return new ScenarioStep { Kind = StepKind.PowerCut, Line = line, Column = column, Text = text };
                case "power-on":
                    NoValue(key, value);
                    return new ScenarioStep { Kind = StepKind.PowerOn, Line = line, Column = column, Text = text };
                case "dock":
                    NoValue(key, value);
                    return new ScenarioStep { Kind = StepKind.Dock, Line = line, Column = column, Text = text };
                case "undock":
                    NoValue(key, value);
                    return new ScenarioStep { Kind = StepKind.Undock, Line = line, Column = column, Text = text };
                case "storage-fill":
                    {
                        YamlNode fill = NeedValue(key, item, value);
                        string s = Scalar(fill);
                        if (s.EndsWith('%'))
                        {
                            return new ScenarioStep { Kind = StepKind.StorageFill, Line = line, Column = column, Text = text, Percent = Percent(fill) };
                        }

                        return new ScenarioStep { Kind = StepKind.StorageFill, Line = line, Column = column, Text = text, Bytes = Bytes(fill) };
                    }

                case "storage-fault":
                    return new ScenarioStep { Kind = StepKind.StorageFault, Line = line, Column = column, Text = text, Name = value == null ? "write-error" : OneOf(value, s_storageFaults, "storage fault") };
                case "battery":
                    return new ScenarioStep { Kind = StepKind.Battery, Line = line, Column = column, Text = text, Percent = Percent(NeedValue(key, item, value)) };
                case "set-clock":
                    return ReadClock(NeedValue(key, item, value), line, column, text);
                case "offload":
                    return ReadOffload(value, line, column, text);
                case "expect-audit":
                    return ReadAudit(NeedValue(key, item, value), line, column, text);
                default:
                    throw Error(ScenarioErrorKind.UnknownStep, keyNode, "unknown step '" + key + "'");
            }
        }

        private ScenarioStep ReadPress(YamlNode node, int line, int column, string text)
        {
            string s = Scalar(node);
            if (s == "single")
            {
                return new ScenarioStep { Kind = StepKind.Press, Line = line, Column = column, Text = text, Gesture = Gesture.Single };
            }

            if (s == "double")
            {
                return new ScenarioStep { Kind = StepKind.Press, Line = line, Column = column, Text = text, Gesture = Gesture.Double };
            }

            if (s.StartsWith("hold ", StringComparison.Ordinal) && Quantity.TryParseDuration(s.Substring(5), out long held) && held > 0)
            {
                return new ScenarioStep { Kind = StepKind.Press, Line = line, Column = column, Text = text, Gesture = Gesture.Hold, Milliseconds = held };
            }

            throw Error(ScenarioErrorKind.InvalidValue, node, "press is single, double or hold <duration> (e.g. hold 3s)");
        }

        private ScenarioStep ReadLed(YamlNode node, int line, int column, string text)
        {
            YamlMappingNode map = Mapping(node, "expect-led");
            if (map.Children.Count != 1)
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "expect-led names one LED: { recording: <pattern> } or { status: <pattern> }");
            }

            KeyValuePair<YamlNode, YamlNode> pair = System.Linq.Enumerable.First(map.Children);
            Led led = Scalar(pair.Key) switch
            {
                "recording" => Led.Recording,
                "status" => Led.Status,
                _ => throw Error(ScenarioErrorKind.UnknownKey, pair.Key, "unknown LED '" + Scalar(pair.Key) + "' (recording or status)"),
            };
            if (!Names.TryParseLedPattern(Scalar(pair.Value), out LedPattern pattern))
            {
                throw Error(ScenarioErrorKind.InvalidValue, pair.Value, "LED pattern is one of " + string.Join(", ", Names.LedPatternNames()));
            }

            return new ScenarioStep { Kind = StepKind.ExpectLed, Line = line, Column = column, Text = text, Led = led, Pattern = pattern };
        }

        private ScenarioStep ReadCue(YamlNode node, int line, int column, string text)
        {
            string s = Scalar(node);
            if (s == "none")
            {
                return new ScenarioStep { Kind = StepKind.ExpectCue, Line = line, Column = column, Text = text, Cue = null };
            }

            if (!Names.TryParseCue(s, out Cue cue))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "cue is none or one of " + string.Join(", ", Names.CueNames()));
            }

            return new ScenarioStep { Kind = StepKind.ExpectCue, Line = line, Column = column, Text = text, Cue = cue };
        }

        private RecordingsExpectation ReadRecordings(YamlNode node)
        {
            YamlMappingNode map = Mapping(node, "expect-recordings");
            CheckKeys(map, new[] { "count", "duration", "pre-record", "status", "audio-in-pre-record", "parts", "markers" }, ScenarioErrorKind.UnknownKey, "expect-recordings key");
            return new RecordingsExpectation
            {
                Count = OptionalCount(map, "count"),
                Duration = OptionalDurationRange(map, "duration"),
                PreRecord = OptionalDurationRange(map, "pre-record"),
                Status = TryGet(map, "status", out YamlNode? status) ? OneOf(status, s_statuses, "status") : null,
                AudioInPreRecord = OptionalBool(map, "audio-in-pre-record"),
                Parts = OptionalCount(map, "parts"),
                Markers = OptionalCount(map, "markers"),
            };
        }

        private ScenarioStep ReadOffload(YamlNode? node, int line, int column, string text)
        {
            if (node == null || (node is YamlScalarNode empty && string.IsNullOrEmpty(empty.Value)))
            {
                return new ScenarioStep { Kind = StepKind.Offload, Line = line, Column = column, Text = text, Link = "in-process" };
            }

            YamlMappingNode map = Mapping(node, "offload");
            CheckKeys(map, new[] { "expect", "link" }, ScenarioErrorKind.UnknownKey, "offload key");
            return new ScenarioStep
            {
                Kind = StepKind.Offload,
                Line = line,
                Column = column,
                Text = text,
                Link = TryGet(map, "link", out YamlNode? link) ? OneOf(link, s_links, "link") : "in-process",
                ExpectedCount = OptionalCount(map, "expect"),
            };
        }

        private ScenarioStep ReadAudit(YamlNode node, int line, int column, string text)
        {
            YamlMappingNode map = Mapping(node, "expect-audit");
            CheckKeys(map, new[] { "contains", "excludes" }, ScenarioErrorKind.UnknownKey, "expect-audit key");
            if (map.Children.Count == 0)
            {
                throw Error(ScenarioErrorKind.MissingKey, node, "expect-audit needs contains or excludes");
            }

            return new ScenarioStep
            {
                Kind = StepKind.ExpectAudit,
                Line = line,
                Column = column,
                Text = text,
                Contains = TryGet(map, "contains", out YamlNode? contains) ? EventList(contains) : null,
                Excludes = TryGet(map, "excludes", out YamlNode? excludes) ? EventList(excludes) : null,
            };
        }

        private List<string> EventList(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "a list of audit events, e.g. [offloaded, deleted]");
            }

            var events = new List<string>();
            foreach (YamlNode item in sequence)
            {
                events.Add(OneOf(item, AuditEvents, "audit event"));
            }

            return events;
        }

        private ScenarioStep ReadClock(YamlNode node, int line, int column, string text)
        {
            string s = Scalar(node);
            if (s == "unset")
            {
                return new ScenarioStep { Kind = StepKind.SetClock, Line = line, Column = column, Text = text, UnixMilliseconds = null };
            }

            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset when))
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "set-clock is an ISO 8601 time (2026-11-29T08:00:00Z) or unset");
            }

            return new ScenarioStep { Kind = StepKind.SetClock, Line = line, Column = column, Text = text, UnixMilliseconds = when.ToUnixTimeMilliseconds() };
        }
    }
}
