using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Hardware;
using Bodycam.Firmware.Hal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bodycam.Emulator.Scenarios;

/// <summary>
/// Reads scenario files strictly: every key and step must be part of the language (docs/emulator.md), every value
/// of the right form; anything else is a <see cref="ScenarioException"/> with line and column.
/// </summary>
public static class ScenarioParser
{
    private static readonly string[] s_topKeys = { "version", "name", "seed", "device", "camera", "steps" };
    private static readonly string[] s_states = { "booting", "standby", "recording", "finalizing", "docked", "fault", "off" };
    private static readonly string[] s_faults = { "none", "storage-full", "storage-error", "battery-critical", "clock-not-set", "not-provisioned", "button-stuck" };
    private static readonly string[] s_storageFaults = { "write-error", "torn-write", "full" };
    private static readonly string[] s_statuses = { "complete", "recovered", "truncated", "tampered", "damaged" };
    private static readonly string[] s_links = { "in-process", "tcp" };

    /// <summary>The audit event names of <c>expect-audit</c> (docs/audit-trail.md's event types, in kebab case).</summary>
    public static readonly string[] AuditEvents =
    {
        "recording-started", "recording-stopped", "recording-recovered", "marker", "offloaded", "deleted",
        "configuration-changed", "clock-set", "fault", "authentication-failed", "provisioned", "provisioning-reset",
    };

    /// <summary>Reads and parses a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The file is unreadable or invalid.</exception>
    public static Scenario ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ScenarioException(ScenarioErrorKind.Unreadable, path, 0, 0, "cannot read the file: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ScenarioException(ScenarioErrorKind.Unreadable, path, 0, 0, "cannot read the file: " + e.Message);
        }

        return Parse(text, path);
    }

    /// <summary>Parses scenario text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The name used in messages.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The text is invalid.</exception>
    public static Scenario Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioException(ScenarioErrorKind.Syntax, file, (int)e.Start.Line, (int)e.Start.Column, Inner(e).Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The scanner gives up on some malformed input without a position (and the loader rejects some tags and
            // events with ArgumentException); locate it by replaying the events.
            Mark where = LastGoodPosition(text);
            throw new ScenarioException(ScenarioErrorKind.Syntax, file, (int)where.Line, (int)where.Column, "malformed YAML after this point");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioException(ScenarioErrorKind.Syntax, file, 1, 1, "a scenario is one YAML mapping with version, name and steps");
        }

        var reader = new Reader(file);
        return reader.ReadScenario(root);
    }

    private static Mark LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
        }
        catch (YamlException e)
        {
            return e.Start;
        }

        return last;
    }

    private static Exception Inner(YamlException e)
    {
        return e.InnerException is YamlException inner ? inner : e;
    }

    private sealed class Reader
    {
        private readonly string _file;

        public Reader(string file)
        {
            _file = file;
        }

        public Scenario ReadScenario(YamlMappingNode root)
        {
            CheckKeys(root, s_topKeys, ScenarioErrorKind.UnknownKey, "top-level key");
            YamlNode version = Require(root, "version");
            if (Scalar(version) != "1")
            {
                throw Error(ScenarioErrorKind.InvalidValue, version, "unsupported version '" + Scalar(version) + "' (this emulator reads version 1)");
            }

            string name = Scalar(Require(root, "name"));
            ulong seed = 1;
            if (TryGet(root, "seed", out YamlNode? seedNode) && !ulong.TryParse(Scalar(seedNode), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
            {
                throw Error(ScenarioErrorKind.InvalidValue, seedNode, "seed must be a non-negative integer");
            }

            DeviceOverrides device = TryGet(root, "device", out YamlNode? deviceNode) ? ReadDevice(deviceNode) : new DeviceOverrides();
            CameraSettings camera = TryGet(root, "camera", out YamlNode? cameraNode) ? ReadCamera(cameraNode) : new CameraSettings();
            YamlNode stepsNode = Require(root, "steps");
            if (stepsNode is not YamlSequenceNode sequence)
            {
                throw Error(ScenarioErrorKind.InvalidValue, stepsNode, "steps must be a list");
            }

            var steps = new List<ScenarioStep>();
            foreach (YamlNode item in sequence)
            {
                steps.Add(ReadStep(item));
            }

            return new Scenario { File = _file, Name = name, Seed = seed, Device = device, Camera = camera, Steps = steps };
        }

        private DeviceOverrides ReadDevice(YamlNode node)
        {
            YamlMappingNode map = Mapping(node, "device");
            CheckKeys(map, new[] { "pre-record", "pre-record-audio", "reminder-interval", "hold-to-stop", "max-file-duration", "storage", "battery", "clock-set", "provisioned", "municipality", "id", "audio" }, ScenarioErrorKind.UnknownKey, "device key");
            long? preRecord = OptionalDuration(map, "pre-record");
            if (preRecord > 120_000)
            {
                throw Error(ScenarioErrorKind.InvalidValue, map.Children[new YamlScalarNode("pre-record")], "pre-record is at most 120s");
            }

            string? municipality = OptionalScalar(map, "municipality");
            if (municipality != null && Array.IndexOf(Fleet.FleetPlan.Municipalities, municipality) < 0)
            {
                throw Error(ScenarioErrorKind.InvalidValue, map.Children[new YamlScalarNode("municipality")], "municipality is one of " + string.Join(", ", Fleet.FleetPlan.Municipalities));
            }

            return new DeviceOverrides
            {
                PreRecordMilliseconds = preRecord,
                PreRecordAudio = OptionalBool(map, "pre-record-audio"),
                ReminderIntervalMilliseconds = OptionalDuration(map, "reminder-interval"),
                HoldToStopMilliseconds = OptionalDuration(map, "hold-to-stop"),
                MaxFileDurationMilliseconds = OptionalDuration(map, "max-file-duration"),
                StorageCapacityBytes = TryGet(map, "storage", out YamlNode? storage) ? Bytes(storage) : null,
                BatteryPercent = TryGet(map, "battery", out YamlNode? battery) ? Percent(battery) : null,
                ClockSet = OptionalBool(map, "clock-set"),
                Provisioned = OptionalBool(map, "provisioned"),
                Municipality = municipality,
                DeviceId = OptionalScalar(map, "id"),
                Audio = OptionalBool(map, "audio"),
            };
        }

        private CameraSettings ReadCamera(YamlNode node)
        {
            YamlMappingNode map = Mapping(node, "camera");
            CheckKeys(map, new[] { "mode", "fps", "bitrate", "gop", "resolution", "quality" }, ScenarioErrorKind.UnknownKey, "camera key");
            var settings = new CameraSettings();
            if (TryGet(map, "mode", out YamlNode? mode))
            {
                settings = settings with
                {
                    Mode = Scalar(mode) switch
                    {
                        "jpeg" => CameraMode.Jpeg,
                        "gop" => CameraMode.Gop,
                        _ => throw Error(ScenarioErrorKind.InvalidValue, mode, "camera mode is jpeg or gop"),
                    },
                };
            }

            if (TryGet(map, "fps", out YamlNode? fps))
            {
                settings = settings with { FramesPerSecond = Integer(fps, 1, 120, "fps") };
            }

            if (TryGet(map, "gop", out YamlNode? gop))
            {
                settings = settings with { Gop = Integer(gop, 1, 600, "gop") };
            }

            if (TryGet(map, "quality", out YamlNode? quality))
            {
                settings = settings with { JpegQuality = Integer(quality, 1, 100, "quality") };
            }

            if (TryGet(map, "bitrate", out YamlNode? bitrate))
            {
                if (!Quantity.TryParseBitrate(Scalar(bitrate), out long bps))
                {
                    throw Error(ScenarioErrorKind.InvalidValue, bitrate, "bitrate is like 4Mbit/s, 800kbit/s or bits per second");
                }

                settings = settings with { BitsPerSecond = bps };
            }

            if (TryGet(map, "resolution", out YamlNode? resolution))
            {
                string[] parts = Scalar(resolution).Split('x');
                if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) || w < 8 || h < 8 || w > 7680 || h > 4320)
                {
                    throw Error(ScenarioErrorKind.InvalidValue, resolution, "resolution is WIDTHxHEIGHT, e.g. 1920x1080");
                }

                settings = settings with { Width = w, Height = h };
            }

            return settings;
        }

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
