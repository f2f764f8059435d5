using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;

namespace Bodycam.Evidence;

/// <summary>
/// Export under an approved request (docs/evidence-vault.md, "Export"): the SDK's evidence bundle of the stored
/// originals plus a chain-of-custody report. The decryption is logged before it starts ("export-started"), so even
/// an export that crashes part-way is on the log; the finished export is logged with the report's SHA-256.
/// </summary>
internal sealed class CustodyExporter
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly EvidenceVault _vault;

    public CustodyExporter(EvidenceVault vault)
    {
        _vault = vault;
    }

    public ExportResult Export(VaultActor actor, string recordingId, string requestId, ReadOnlySpan<byte> recipientPrivateKey, string outputDirectory)
    {
        EvidenceVault.RequireAny(actor, VaultRole.Viewer, VaultRole.PrivacyOfficer);
        string target = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(target) || File.Exists(target))
        {
            throw new VaultException(VaultError.InvalidArgument, "The export folder exists already: " + target);
        }

        (RecordingDetails details, AccessRequest request, DeviceRegistryEntry device) = Authorize(_vault, actor, recordingId, requestId, "export", "decrypting into " + target);
        string parent = Path.GetDirectoryName(target) ?? throw new VaultException(VaultError.InvalidArgument, "An export cannot be a root folder.");
        string staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".originals-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(staging);
        try
        {
            (List<string> paths, List<RecordingResult> results) = DecryptOriginals(_vault, details, device, recipientPrivateKey, staging);
            Directory.CreateDirectory(target);
            string bundleDirectory = Path.Combine(target, "bundle");
            EvidenceBundle bundle = new EvidenceBundleWriter(_vault.Options.Time, new AviExporter()).Create(bundleDirectory, paths, results);
            long? preRecord = PreRecord(results[0]);
            long now = _vault.NowMs;

            List<AccessLogEntry> accesses;
            using (DbConnection connection = _vault.Database.Open())
            {
                accesses = AccessLog.Read(connection, actor.MunicipalityId, recordingId);
            }

            string manifestSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(bundleDirectory, EvidenceBundleWriter.ManifestFileName))));
            byte[] json = Report(details, device, request, actor, now, preRecord, bundle, manifestSha, accesses);
            string reportPath = Path.Combine(target, "chain-of-custody.json");
            WriteFlushed(reportPath, json);
            string reportSha = Convert.ToHexStringLower(SHA256.HashData(json));
            long sequence;
            using (DbConnection connection = _vault.Database.Open())
            using (DbTransaction transaction = connection.BeginTransaction())
            {
                if (preRecord is long span)
                {
                    Sql.Execute(connection, transaction, "UPDATE recordings SET pre_record_ms = @p WHERE recording_id = @r", ("@p", span), ("@r", recordingId));
                }

                sequence = AccessLog.Append(connection, transaction, _vault.Database, actor.MunicipalityId, now, actor.Name, "export", recordingId, requestId, VaultTerms.Name(request.Purpose), $"evidence bundle {bundleDirectory} (SHA256SUMS {manifestSha}) and chain-of-custody.json", reportSha);
                transaction.Commit();
            }

            return new ExportResult(target, bundleDirectory, reportPath, reportSha, sequence);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// The gate before any decryption (export or view): the recording is the actor's municipality's, the request is
    /// for it and approved, and the device is still registered. A refusal is logged as "<paramref name="action"/>-refused"
    /// and thrown; a pass is logged as "<paramref name="action"/>-started" before anything is decrypted.
    /// </summary>
    internal static (RecordingDetails Details, AccessRequest Request, DeviceRegistryEntry Device) Authorize(EvidenceVault vault, VaultActor actor, string recordingId, string requestId, string action, string startDetail)
    {
        RecordingDetails details;
        AccessRequest request;
        using (DbConnection connection = vault.Database.Open())
        using (DbTransaction transaction = connection.BeginTransaction())
        {
            details = vault.Details(connection, transaction, actor, recordingId);
            request = vault.LoadRequest(connection, transaction, actor, requestId, lockRow: false);
            string? refusal = request.RecordingId != recordingId
                ? $"request {requestId} covers recording {request.RecordingId}, not {recordingId}"
                : request.State != RequestState.Approved
                    ? $"request {requestId} is {VaultTerms.Name(request.State)}, not approved"
                    : null;
            if (refusal is not null)
            {
                AccessLog.Append(connection, transaction, vault.Database, actor.MunicipalityId, vault.NowMs, actor.Name, action + "-refused", recordingId, requestId, VaultTerms.Name(request.Purpose), refusal, null);
                transaction.Commit();
                string verb = char.ToUpperInvariant(action[0]) + action[1..];
                throw new VaultException(VaultError.NoApprovedRequest, $"{verb} refused: {refusal}. Decrypting, exporting or viewing needs an approved request for this recording.");
            }

            AccessLog.Append(connection, transaction, vault.Database, actor.MunicipalityId, vault.NowMs, actor.Name, action + "-started", recordingId, requestId, VaultTerms.Name(request.Purpose), startDetail, null);
            transaction.Commit();
        }

        if (!vault.Options.Registry.TryFind(details.DeviceId, out DeviceRegistryEntry device))
        {
            throw new VaultException(VaultError.UnknownDevice, $"Device '{details.DeviceId}' is no longer in the device registry; its public key is needed to verify before decrypting.");
        }

        return (details, request, device);
    }

    /// <summary>Copies the stored originals into <paramref name="folder"/> after checking their hashes, and verifies and decrypts them.</summary>
    internal static (List<string> Paths, List<RecordingResult> Results) DecryptOriginals(EvidenceVault vault, RecordingDetails details, DeviceRegistryEntry device, ReadOnlySpan<byte> recipientPrivateKey, string folder)
    {
        var paths = new List<string>();
        var results = new List<RecordingResult>();
        foreach (StoredFile file in details.Files)
        {
            byte[] bytes = File.ReadAllBytes(vault.Store.PathOf(file.Sha256));
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != file.Sha256)
            {
                throw new VaultException(VaultError.ObjectDamaged, $"The stored original {file.FileName} ({file.Sha256}) does not match its hash; run 'vault check --deep'.");
            }

            string path = Path.Combine(folder, file.FileName);
            File.WriteAllBytes(path, bytes);
            paths.Add(path);
            try
            {
                results.Add(new RecordingReader(bytes).Decrypt(device.PublicKey.Span, recipientPrivateKey));
            }
            catch (WrongKeyException)
            {
                throw new VaultException(VaultError.WrongKey, $"The recipient key given is not one of recording {details.RecordingId}'s recipients; use {details.MunicipalityId}'s recipient key.");
            }
        }

        return (paths, results);
    }

    // The pre-record span: how far the first kept frame lies before the trigger (the file's start time).
    private static long? PreRecord(RecordingResult first)
    {
        MediaFrame? frame = first.Frames.Count > 0 ? first.Frames[0] : null;
        return frame is null ? null : Math.Max(0, first.Header.StartMonotonicMilliseconds - frame.TimestampMilliseconds);
    }

    private static byte[] Report(RecordingDetails d, DeviceRegistryEntry device, AccessRequest request, VaultActor actor, long now, long? preRecord, EvidenceBundle bundle, string manifestSha, List<AccessLogEntry> accesses)
    {
        var report = new
        {
            format = "bodycam-chain-of-custody/1",
            recording = new
            {
                id = d.RecordingId,
                municipality = d.MunicipalityId,
                recordedAt = d.RecordedAt.ToString("O"),
                clockSynchronised = d.ClockSynchronised,
                durationMs = d.DurationMilliseconds,
                preRecordMs = preRecord,
                preRecordSpanSignedMs = d.PreRecordSpanMilliseconds,
                status = d.Status,
                manifestSha256 = d.Sha256,
                bytes = d.Bytes,
            },
            device = new { id = device.DeviceId, publicKey = device.PublicKeyHex, municipality = device.MunicipalityId },
            intake = new { at = d.IntakeAt.ToString("O"), actor = d.IntakeActor, source = d.Source, verification = d.Verification },
            originals = d.Files.Select(f => new { index = f.Index, name = f.FileName, sha256 = f.Sha256, bytes = f.Bytes }),
            holds = d.Holds.Select(h => new { id = h.HoldId, kind = VaultTerms.Name(h.Kind), reference = h.Reference, placedBy = h.PlacedBy, placedAt = h.PlacedAt.ToString("O"), releasedBy = h.ReleasedBy, releasedAt = h.ReleasedAt?.ToString("O"), releaseReason = h.ReleaseReason }),
            request = new
            {
                id = request.RequestId,
                requestedBy = request.RequestedBy,
                requesterRole = VaultTerms.Name(request.RequesterRole),
                purpose = VaultTerms.Name(request.Purpose),
                reference = request.Reference,
                requestedAt = request.RequestedAt.ToString("O"),
                approvedBy = request.DecidedBy,
                approvedAt = request.DecidedAt?.ToString("O"),
                note = request.DecisionNote,
            },
            accesses = accesses.Select(a => new { sequence = a.Sequence, at = a.At.ToString("O"), actor = a.Actor, action = a.Action, requestId = a.RequestId, purpose = a.Purpose, detail = a.Detail, outputSha256 = a.OutputSha256, entryHash = a.EntryHash }),
            export = new
            {
                actor = actor.Name,
                at = DateTimeOffset.FromUnixTimeMilliseconds(now).ToString("O"),
                bundle = "bundle",
                sha256sumsSha256 = manifestSha,
                files = bundle.Files.Select(f => new { path = "bundle/" + f.RelativePath, sha256 = f.Sha256, bytes = f.Length }),
                note = bundle.ExportNote,
            },
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(report, s_json) + "\n");
    }

    private static void WriteFlushed(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
