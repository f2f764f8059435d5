using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bodycam.Sdk.Export;

/// <summary>The verification report of an evidence bundle, as text for people and as JSON for systems.</summary>
internal sealed class EvidenceReport
{
    private readonly EvidenceInput _input;
    private readonly IReadOnlyList<EvidenceFile> _files;
    private readonly AviExportResult? _export;
    private readonly string? _exportNote;
    private readonly DateTimeOffset _created;
    private readonly string _readerVersion;

    public EvidenceReport(
        EvidenceInput input,
        IReadOnlyList<EvidenceFile> files,
        AviExportResult? export,
        string? exportNote,
        DateTimeOffset created,
        string readerVersion)
    {
        _input = input;
        _files = files;
        _export = export;
        _exportNote = exportNote;
        _created = created;
        _readerVersion = readerVersion;
    }

    /// <summary>SHA-256 of the 32-byte public key, lowercase hex: the key's fingerprint in reports.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> publicKey)
    {
        return Convert.ToHexStringLower(SHA256.HashData(publicKey));
    }

    public static string StatusText(EvidenceStatus status)
    {
        return status switch
        {
            EvidenceStatus.Complete => "COMPLETE: every segment verified; the device closed the recording normally",
            EvidenceStatus.ClosedByRecovery => "CLOSED BY RECOVERY: the device lost power while recording; media up to the last synced segment verified",
            EvidenceStatus.Truncated => "TRUNCATED: the recording ends early without the device's close; the end is missing, and only the device-signed span listed per file is signed by the device",
            EvidenceStatus.Tampered => "TAMPERED: verification failed; only media before the failure is included, nothing after it is trusted",
            _ => "UNKNOWN (" + (int)status + ")",
        };
    }

    public string ToText()
    {
        var t = new StringBuilder();
        t.Append("BODYCAM EVIDENCE BUNDLE - VERIFICATION REPORT\n");
        t.Append("==============================================\n\n");
        Line(t, "Status", StatusText(_input.Status));
        if (_input.StatusDetail is not null)
        {
            Line(t, "Status detail", _input.StatusDetail);
        }

        t.Append('\n').Append("Device\n");
        Line(t, "  Device id", _input.DeviceId);
        Line(t, "  Public key (Ed25519)", Convert.ToHexStringLower(_input.DevicePublicKey.Span));
        Line(t, "  Key fingerprint", "SHA256:" + Fingerprint(_input.DevicePublicKey.Span));

        t.Append('\n').Append("Recording\n");
        Line(t, "  Recording id", _input.RecordingId);
        Line(t, "  Format version", _input.FormatVersion.ToString(CultureInfo.InvariantCulture));
        Line(t, "  Start (UTC)", StartText());
        Line(t, "  Duration", Span(_input.DurationMilliseconds) + " (" + _input.DurationMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms)");
        Line(t, "  Segments", _input.Segments.ToString(CultureInfo.InvariantCulture));
        Line(t, "  Streams", StreamsText());
        Line(t, "  Markers", _input.MarkerMilliseconds.Count.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < _input.MarkerMilliseconds.Count; i++)
        {
            long offset = _input.MarkerMilliseconds[i] - _input.StartMonotonicMilliseconds;
            string when = "+" + Span(offset);
            DateTimeOffset? utc = MarkerUtc(_input.MarkerMilliseconds[i]);
            if (utc is not null)
            {
                when += "  " + Utc(utc.Value) + (_input.ClockSynchronised ? "" : " (unsynchronised clock)");
            }

            t.Append("    ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(when).Append('\n');
        }

        t.Append('\n').Append("Recording files (format version, status, device-signed span)\n");
        foreach (EvidenceFileSummary f in _input.RecordingFiles)
        {
            t.Append("  ").Append(f.Name).Append(": ").Append(FileText(f)).Append('\n');
        }

        t.Append('\n').Append("Export\n");
        if (_export is not null)
        {
            Line(t, "  File", EvidenceBundleWriter.ExportFileName + " (Motion JPEG video + PCM audio in AVI)");
            Line(t, "  Video frames", _export.VideoFrames.ToString(CultureInfo.InvariantCulture)
                + ", plus " + _export.VideoFramesRepeated.ToString(CultureInfo.InvariantCulture)
                + " repeated pictures holding over dropped frames");
            Line(t, "  Audio", _export.AudioSamples.ToString(CultureInfo.InvariantCulture) + " samples, plus "
                + _export.SilenceSamplesInserted.ToString(CultureInfo.InvariantCulture) + " samples of silence over gaps");
            Line(t, "  Largest timing offset", "video " + _export.MaxVideoOffsetMilliseconds.ToString(CultureInfo.InvariantCulture)
                + " ms, audio " + _export.MaxAudioOffsetMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
        }
        else
        {
            Line(t, "  File", "raw streams (see below)");
            Line(t, "  Note", _exportNote ?? "");
        }

        t.Append('\n').Append("Files (SHA-256; SHA256SUMS covers every file but itself: check with `sha256sum -c SHA256SUMS`)\n");
        foreach (EvidenceFile f in _files)
        {
            t.Append("  ").Append(f.Sha256).Append("  ").Append(f.RelativePath)
                .Append(" (").Append(f.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes)\n");
        }

        t.Append('\n').Append("Audit excerpt\n");
        if (_input.AuditExcerpt.Count == 0)
        {
            t.Append("  (none given)\n");
        }

        foreach (string line in _input.AuditExcerpt)
        {
            t.Append("  ").Append(line.ReplaceLineEndings(" ")).Append('\n');
        }

        t.Append('\n');
        Line(t, "Report made (UTC)", Utc(_created));
        Line(t, "Verified by", _readerVersion);
        return t.ToString();
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteNumber("reportVersion", 1);
            j.WriteString("status", _input.Status.ToString());
            j.WriteString("statusText", StatusText(_input.Status));
            if (_input.StatusDetail is null)
            {
                j.WriteNull("statusDetail");
            }
            else
            {
                j.WriteString("statusDetail", _input.StatusDetail);
            }

            j.WriteStartObject("device");
            j.WriteString("id", _input.DeviceId);
            j.WriteString("publicKey", Convert.ToHexStringLower(_input.DevicePublicKey.Span));
            j.WriteString("publicKeySha256", Fingerprint(_input.DevicePublicKey.Span));
            j.WriteEndObject();

            j.WriteStartObject("recording");
            j.WriteString("id", _input.RecordingId);
            j.WriteNumber("formatVersion", _input.FormatVersion);
            if (_input.StartUtc is null)
            {
                j.WriteNull("startUtc");
            }
            else
            {
                j.WriteString("startUtc", Utc(_input.StartUtc.Value));
            }

            j.WriteBoolean("clockSynchronised", _input.ClockSynchronised);
            j.WriteNumber("durationMilliseconds", _input.DurationMilliseconds);
            j.WriteNumber("segments", _input.Segments);
            j.WriteString("videoCodec", _input.Streams.VideoCodec.ToString());
            j.WriteNumber("width", _input.Streams.Width);
            j.WriteNumber("height", _input.Streams.Height);
            j.WriteNumber("framesPerSecond", _input.Streams.FramesPerSecond);
            j.WriteNumber("audioSampleRate", _input.Streams.AudioSampleRate);
            j.WriteStartArray("markers");
            foreach (long marker in _input.MarkerMilliseconds)
            {
                j.WriteStartObject();
                j.WriteNumber("offsetMilliseconds", marker - _input.StartMonotonicMilliseconds);
                DateTimeOffset? utc = MarkerUtc(marker);
                if (utc is null)
                {
                    j.WriteNull("utc");
                }
                else
                {
                    j.WriteString("utc", Utc(utc.Value));
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();

            j.WriteStartArray("recordingFiles");
            foreach (EvidenceFileSummary f in _input.RecordingFiles)
            {
                j.WriteStartObject();
                j.WriteString("name", f.Name);
                if (f.FormatVersion is int version)
                {
                    j.WriteNumber("formatVersion", version);
                }
                else
                {
                    j.WriteNull("formatVersion");
                }

                j.WriteString("status", f.Status.ToString());
                j.WriteBoolean("included", f.Included);
                j.WriteNumber("segments", f.Segments);
                j.WriteNumber("deviceSignedSegments", f.SignedSegments);
                WriteNullable(j, "deviceSignedFirstDeviceMilliseconds", f.SignedFirstMilliseconds);
                WriteNullable(j, "deviceSignedLastDeviceMilliseconds", f.SignedLastMilliseconds);
                j.WriteEndObject();
            }

            j.WriteEndArray();

            j.WriteStartObject("export");
            if (_export is null)
            {
                j.WriteNull("file");
                j.WriteString("note", _exportNote);
            }
            else
            {
                j.WriteString("file", EvidenceBundleWriter.ExportFileName);
                j.WriteNumber("videoFrames", _export.VideoFrames);
                j.WriteNumber("videoFramesRepeated", _export.VideoFramesRepeated);
                j.WriteNumber("audioSamples", _export.AudioSamples);
                j.WriteNumber("silenceSamplesInserted", _export.SilenceSamplesInserted);
                j.WriteNumber("maxVideoOffsetMilliseconds", _export.MaxVideoOffsetMilliseconds);
                j.WriteNumber("maxAudioOffsetMilliseconds", _export.MaxAudioOffsetMilliseconds);
            }

            j.WriteEndObject();

            j.WriteStartArray("files");
            foreach (EvidenceFile f in _files)
            {
                j.WriteStartObject();
                j.WriteString("path", f.RelativePath);
                j.WriteNumber("bytes", f.Length);
                j.WriteString("sha256", f.Sha256);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("auditExcerpt");
            foreach (string line in _input.AuditExcerpt)
            {
                j.WriteStringValue(line);
            }

            j.WriteEndArray();
            j.WriteString("createdUtc", Utc(_created));
            j.WriteString("verifiedBy", _readerVersion);
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter j, string name, long? value)
    {
        if (value is long v)
        {
            j.WriteNumber(name, v);
        }
        else
        {
            j.WriteNull(name);
        }
    }

    private string FileText(EvidenceFileSummary f)
    {
        string version = f.FormatVersion is int v ? "version " + v.ToString(CultureInfo.InvariantCulture) : "header refused";
        string signed = f.SignedSegments == 0
            ? "nothing device-signed"
            : "device-signed: " + f.SignedSegments.ToString(CultureInfo.InvariantCulture) + " of " + f.Segments.ToString(CultureInfo.InvariantCulture) + " segments";
        if (f.SignedFirstMilliseconds is long first && f.SignedLastMilliseconds is long last)
        {
            signed += ", media +" + Span(first - _input.StartMonotonicMilliseconds) + " to +" + Span(last - _input.StartMonotonicMilliseconds);
        }

        return version + ", " + f.Status + ", " + f.Segments.ToString(CultureInfo.InvariantCulture) + " segments, " + signed
            + (f.Included ? "" : "; left out of the export");
    }

    private string StartText()
    {
        if (_input.StartUtc is null)
        {
            return "unknown: the device clock was never set (the offsets from the start below still hold)";
        }

        return Utc(_input.StartUtc.Value) + (_input.ClockSynchronised
            ? " (device clock synchronised)"
            : " (device clock NOT synchronised: wall-clock times are the device's guess)");
    }

    private string StreamsText()
    {
        ExportStreamInfo s = _input.Streams;
        string video = s.VideoCodec + " " + s.Width.ToString(CultureInfo.InvariantCulture) + "x"
            + s.Height.ToString(CultureInfo.InvariantCulture) + " at " + s.FramesPerSecond.ToString(CultureInfo.InvariantCulture) + " fps";
        return s.HasAudio
            ? video + "; PCM " + s.AudioSampleRate.ToString(CultureInfo.InvariantCulture) + " Hz mono 16-bit"
            : video + "; no audio";
    }

    private DateTimeOffset? MarkerUtc(long deviceMilliseconds)
    {
        return _input.StartUtc?.AddMilliseconds(deviceMilliseconds - _input.StartMonotonicMilliseconds);
    }

    private static void Line(StringBuilder t, string name, string value)
    {
        t.Append(name).Append(": ").Append(value).Append('\n');
    }

    private static string Utc(DateTimeOffset time)
    {
        return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static string Span(long milliseconds)
    {
        string sign = milliseconds < 0 ? "-" : "";
        TimeSpan span = TimeSpan.FromMilliseconds(Math.Abs(milliseconds));
        return sign + ((long)span.TotalHours).ToString("00", CultureInfo.InvariantCulture) + span.ToString("\\:mm\\:ss\\.fff", CultureInfo.InvariantCulture);
    }
}
