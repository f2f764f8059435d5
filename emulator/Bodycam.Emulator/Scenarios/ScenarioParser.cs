using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bodycam.Emulator.Scenarios;

/// <summary>
/// Reads scenario files strictly: every key and step must be part of the language (docs/emulator.md), every value
/// of the right form; anything else is a <see cref="ScenarioException"/> with line and column.
/// </summary>
public static partial class ScenarioParser
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
        "configuration-changed", "clock-set", "fault", "authentication-failed", "provisioned", "provisioning-reset", "foreign-file",
    };

    /// <summary>The largest scenario accepted, in bytes of the file (or UTF-16 code units of text): 1 MiB.</summary>
    /// <remarks>A scenario is a few hundred bytes; the cap refuses a runaway file before YAML parsing takes memory.</remarks>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences accepted (the language itself needs 5).</summary>
    /// <remarks>Checked on the parser's events before the document is built, which recurses once per level.</remarks>
    public const int MaxDepth = 32;

    /// <summary>The characters of a device id (<c>device: { id: ... }</c>), which names the device's folder under
    /// <c>--storage</c>: 1 to 64 of A-Z, a-z, 0-9, '-', '_' and '.', not starting with '.'.</summary>
    public const string DeviceIdCharacters = "A-Z a-z 0-9 - _ . (1 to 64, not starting with '.')";

    /// <summary>Reads and parses a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The file is missing, a folder, unreadable, too large or invalid.</exception>
    public static Scenario ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException(ScenarioErrorKind.Unreadable, path, 0, 0, "is a folder without *.yaml scenario files; give a scenario file, or a folder that holds some");
        }

        if (!File.Exists(path))
        {
            throw new ScenarioException(ScenarioErrorKind.Unreadable, path, 0, 0, "no such file, and no built-in scenario of that name ('bodycam-emu scenarios' lists them)");
        }

        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                throw TooLarge(path, stream.Length);
            }

            // Read at most one byte past the cap, so a file that grows or reports no length is refused as well.
            var buffer = new byte[MaxBytes + 1];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                throw TooLarge(path, length);
            }

            text = new System.Text.UTF8Encoding(false, false).GetString(buffer, 0, length);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }
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

    private static ScenarioException TooLarge(string file, long length)
    {
        return new ScenarioException(ScenarioErrorKind.TooLarge, file, 0, 0, "the file is " + length.ToString(CultureInfo.InvariantCulture) + " bytes or more; a scenario is at most " + MaxBytes.ToString(CultureInfo.InvariantCulture) + " bytes (1 MiB)");
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
        if (text.Length > MaxBytes)
        {
            throw TooLarge(file, text.Length);
        }

        var stream = new YamlStream();
        try
        {
            // YamlStream builds the document recursively, one call per level: refuse deep nesting first (a
            // stack overflow ends the process and cannot be caught).
            CheckDepth(text, file);
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

    private static void CheckDepth(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart:
                case YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        Mark start = parser.Current.Start;
                        throw new ScenarioException(ScenarioErrorKind.TooLarge, file, (int)start.Line, (int)start.Column, "nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep; a scenario needs at most 5");
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd:
                case YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    /// <summary>Whether <paramref name="id"/> is a device id a scenario may give (<see cref="DeviceIdCharacters"/>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>True when it is 1 to 64 of A-Z, a-z, 0-9, '-', '_', '.' and does not start with '.'.</returns>
    public static bool IsDeviceId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || id.Length > 64 || id[0] == '.')
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
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

    private sealed partial class Reader
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
            CheckKeys(map, new[] { "pre-record", "pre-record-audio", "reminder-interval", "hold-to-stop", "max-file-duration", "storage", "battery", "clock-set", "provisioned", "municipality", "id", "audio", "planted" }, ScenarioErrorKind.UnknownKey, "device key");
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

            string? deviceId = OptionalScalar(map, "id");
            if (deviceId != null && !IsDeviceId(deviceId))
            {
                throw Error(ScenarioErrorKind.InvalidValue, map.Children[new YamlScalarNode("id")], "id names the device's storage folder: use " + DeviceIdCharacters);
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
                DeviceId = deviceId,
                Audio = OptionalBool(map, "audio"),
                Planted = TryGet(map, "planted", out YamlNode? planted) ? ReadPlanted(planted) : null,
            };
        }

        private string[] ReadPlanted(YamlNode node)
        {
            if (node is not YamlSequenceNode list)
            {
                throw Error(ScenarioErrorKind.InvalidValue, node, "a list of planted files, e.g. [forged, shortened, malformed-header]");
            }

            var kinds = new List<string>();
            foreach (YamlNode item in list)
            {
                kinds.Add(OneOf(item, Bodycam.Emulator.Device.PlantedFiles.Kinds, "planted file"));
            }

            return kinds.ToArray();
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

    }
}
