using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;

namespace Bodycam.Cli;

/// <summary><c>bodycam audit</c> and <c>bodycam clock</c>: the audit trail and the device clock.</summary>
public sealed partial class CliApp
{
    private Command BuildAudit()
    {
        Option<string> format = new("--format") { Description = "Output format: text, csv or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        Option<string?> deviceKey = new("--device-key") { Description = "Pin the device's public key (hex or base64, or a file) instead of trusting the one the device reports." };
        Command audit = new("audit", "Read the device's audit trail, verify its hash chain and signatures, and print it.")
        {
            _authorityKey,
            _dockKey,
            _certificate,
            format,
            deviceKey,
        };
        audit.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            DeviceInfo info = await client.GetInfoAsync(ct).ConfigureAwait(false);
            byte[] trail = await client.ReadAuditTrailAsync(ct).ConfigureAwait(false);
            string? pinned = parse.GetValue(deviceKey);
            byte[] key = pinned != null ? ReadDeviceKey(pinned) : client.DeviceKey!.Value.ToArray();
            AuditVerification result = AuditTrailVerifier.Verify(trail, key);
            string chosen = parse.GetValue(_jsonOption) ? "json" : parse.GetValue(format)!;
            if (chosen == "json")
            {
                await _out.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        info.DeviceId,
                        Status = result.Status.ToString(),
                        result.FailureOffset,
                        result.FailureReason,
                        Records = result.Records.Select(r => new
                        {
                            r.Sequence,
                            Format = r.FormatVersion,
                            Event = r.Kind.ToString(),
                            TimeBase = r.TimeBase.ToString(),
                            Time = r.Time?.ToString("O"),
                            UtcMilliseconds = r.TimeBase == AuditTimeBase.Utc ? (long?)r.TimeMilliseconds : null,
                            r.SinceRecordingStartMilliseconds,
                            r.Subject,
                            KeyKind = r.Key?.Kind.ToString(),
                            KeyFingerprint = r.Key?.Fingerprint,
                        }),
                    },
                    s_json)).ConfigureAwait(false);
            }
            else if (chosen == "csv")
            {
                await _out.WriteLineAsync("sequence,format,event,utc,since_recording_start_ms,subject,key_kind,key_fingerprint").ConfigureAwait(false);
                foreach (AuditRecord r in result.Records)
                {
                    string utc = r.TimeBase == AuditTimeBase.Utc ? r.Time?.ToString("O") ?? r.TimeMilliseconds.ToString(CultureInfo.InvariantCulture) : string.Empty;
                    await _out.WriteLineAsync($"{r.Sequence},{r.FormatVersion},{r.Kind},{utc},{r.SinceRecordingStartMilliseconds},{Csv(r.Subject)},{r.Key?.Kind},{r.Key?.Fingerprint}").ConfigureAwait(false);
                }
            }
            else
            {
                foreach (AuditRecord r in result.Records)
                {
                    await _out.WriteLineAsync($"{r.Sequence,6}  {AuditTimeText(r),-28}  {r.Kind,-22} {AuditSubjectText(r)}").ConfigureAwait(false);
                }
            }

            if (result.Status != AuditTrailStatus.Valid)
            {
                await _err.WriteLineAsync($"bodycam: audit trail {result.Status} at byte {result.FailureOffset}: {result.FailureReason}").ConfigureAwait(false);
                return ExitCodes.CheckFailed;
            }

            return ExitCodes.Success;
        });
        return audit;
    }

    private Command BuildClock()
    {
        Command sync = new("sync", "Set the device clock to this host's UTC time (audited on the device).") { _authorityKey, _dockKey, _certificate };
        sync.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            DateTimeOffset now = DateTimeOffset.UtcNow;
            DateTimeOffset? previous = await client.SetClockAsync(now, ct).ConfigureAwait(false);
            var view = new { Set = now.ToString("O"), Previous = previous?.ToString("O"), OffsetMilliseconds = previous.HasValue ? (long?)(now - previous.Value).TotalMilliseconds : null };
            await WriteAsync(parse, view, previous.HasValue ? $"clock set to {view.Set} (was off by {view.OffsetMilliseconds} ms)" : $"clock set to {view.Set} (was not set)").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("clock", "The device clock.") { sync };
    }

    // docs/audit-trail.md, "Times": UTC on the device's clock, time into the named recording, or none ("-").
    private static string AuditTimeText(AuditRecord r)
    {
        return r.TimeBase switch
        {
            AuditTimeBase.Utc => r.Time?.ToString("u", CultureInfo.InvariantCulture) ?? $"(UTC out of range: {r.TimeMilliseconds} ms)",
            AuditTimeBase.SinceRecordingStart => "+" + (r.TimeMilliseconds / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) + " s into recording",
            _ => "-",
        };
    }

    // docs/audit-trail.md, "Verification outcomes": a subject that names a dock session's key is shown as what it
    // names, then the key's kind and fingerprint; any other subject as stored.
    private static string AuditSubjectText(AuditRecord r)
    {
        if (r.Key is not AuditKey key || !AuditKey.TrySplit(r.Subject, out string rest, out _))
        {
            return r.Subject;
        }

        return $"{rest}  (key: {(key.Kind == AuditKeyKind.Authority ? "authority" : "dock")} {key.Fingerprint})";
    }

    private static string Csv(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
