using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Evidence;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;

namespace Bodycam.Cli.Vault;

/// <summary>
/// <c>bodycam vault …</c>: the evidence vault from the shell (docs/evidence-vault.md, "Command line"), and the
/// <c>--vault</c> option of <c>offload</c>. Every action names its actor with <c>--actor</c>, who proves it with their
/// own key file (<c>--actor-key</c>, registered by a <c>key</c> line of the roles file); the roles file says what the
/// actor may do and for which municipality.
/// </summary>
public sealed partial class VaultCommands
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Func<string, string?> _environment;
    private readonly Option<bool> _json;
    private readonly Option<string> _passphraseEnv;
    private readonly Option<DirectoryInfo?> _vault = new("--vault") { Description = "The vault folder (encrypted originals; also vault.db, roles.txt and devices.txt unless given). Default: $BODYCAM_VAULT. "
            + "With offload: each verified recording is taken into this vault before it is confirmed, its offloaded files linked in without being written again and removed from the destination when the offload is done (copied, and kept, when the destination is on another file system).", Recursive = true };
    private readonly Option<string?> _db = new("--db") { Description = "The metadata database: a SQLite file (default <vault>/vault.db) or a PostgreSQL connection string (contains '=', e.g. 'Host=127.0.0.1;Database=vault;Username=vault').", Recursive = true };
    private readonly Option<FileInfo?> _roles = new("--roles") { Description = "The roles file (default <vault>/roles.txt).", Recursive = true };
    private readonly Option<FileInfo?> _registry = new("--registry") { Description = "The device registry (default <vault>/devices.txt; docs/device-registry.md).", Recursive = true };
    private readonly Option<string?> _actor = new("--actor") { Description = "Who is acting (a name in the roles file). Default: $BODYCAM_ACTOR.", Recursive = true };
    private readonly Option<FileInfo?> _actorKey = new("--actor-key") { Description = "The acting actor's own key file (from 'vault actor-key new'; its public key is on the actor's 'key' line of the roles file). Default: $BODYCAM_ACTOR_KEY.", Recursive = true };
    private readonly Option<string> _actorPassphraseEnv = new("--actor-passphrase-env") { Description = "Environment variable holding the actor key's passphrase.", DefaultValueFactory = _ => "BODYCAM_ACTOR_PASSPHRASE", Recursive = true };

    /// <summary>Initializes a new instance of the <see cref="VaultCommands"/> class.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="json">The root's --json option.</param>
    /// <param name="passphraseEnv">The root's --passphrase-env option.</param>
    public VaultCommands(TextWriter output, TextWriter error, Func<string, string?> environment, Option<bool> json, Option<string> passphraseEnv)
    {
        _out = output;
        _err = error;
        _environment = environment;
        _json = json;
        _passphraseEnv = passphraseEnv;
    }

    /// <summary>Builds the <c>vault</c> command tree.</summary>
    /// <returns>The command.</returns>
    public Command Build()
    {
        Command vault = new("vault", "The evidence vault: intake, retention with holds, purpose-bound requests decided by someone else, exports with a chain of custody, an append-only access log.\n"
            + "Exit codes: 0 success, 1 a check failed or a recording was not stored, 2 usage or a bad roles/registry file, 5 key file error, 6 the vault refused.")
        {
            _vault,
            _db,
            _roles,
            _registry,
            _actor,
            _actorKey,
            _actorPassphraseEnv,
        };
        vault.Subcommands.Add(BuildActorKey());
        vault.Subcommands.Add(BuildRegistry());
        vault.Subcommands.Add(BuildIntake());
        vault.Subcommands.Add(BuildList());
        vault.Subcommands.Add(BuildShow());
        vault.Subcommands.Add(BuildHold());
        vault.Subcommands.Add(BuildRequest());
        vault.Subcommands.Add(BuildExport());
        vault.Subcommands.Add(BuildView());
        vault.Subcommands.Add(BuildSweep());
        vault.Subcommands.Add(BuildDeletions());
        vault.Subcommands.Add(BuildLog());
        vault.Subcommands.Add(BuildCheck());
        return vault;
    }

    /// <summary>Adds <c>--vault</c> and the vault's options to <c>offload</c>.</summary>
    /// <param name="offload">The offload command.</param>
    public void AddOffloadOptions(Command offload)
    {
        offload.Options.Add(_vault);
        offload.Options.Add(_db);
        offload.Options.Add(_roles);
        offload.Options.Add(_registry);
        offload.Options.Add(_actor);
        offload.Options.Add(_actorKey);
        offload.Options.Add(_actorPassphraseEnv);
    }

    /// <summary>
    /// The verifier for an offload: the SDK's, or with --vault a link intake into the vault (the device deletes only
    /// what the vault stored; the files the offload just wrote are the vault's to take, without writing them again;
    /// <see cref="VaultIntakeVerifier.RemoveTakenSources"/> removes their offload folder names once the offload is done).
    /// When the offload folder is on another file system than the vault, the intake copies instead, and says so once on
    /// standard error.
    /// </summary>
    /// <param name="parse">The parsed offload command line.</param>
    /// <param name="destination">The offload's destination folder.</param>
    /// <returns>The verifier.</returns>
    public IRecordingVerifier OffloadVerifier(ParseResult parse, string destination)
    {
        if (parse.GetValue(_vault) is null)
        {
            return new ReaderRecordingVerifier();
        }

        return Guard(() =>
        {
            EvidenceVault vault = OpenVault(parse);
            VaultActor actor = ActorOf(parse, vault);
            IntakeMode mode = MoveOrCopy(vault, destination) == IntakeMode.Move ? IntakeMode.Link : IntakeMode.Copy;
            return new VaultIntakeVerifier(vault, actor, mode);
        });
    }

    // Move when the folder (or, not made yet, its nearest existing parent) is on the vault's file system; otherwise
    // say once that the vault copies and the folder keeps its files.
    private IntakeMode MoveOrCopy(EvidenceVault vault, string folder)
    {
        string? existing = Path.GetFullPath(folder);
        while (existing is not null && !Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is not null && vault.CanMoveFrom(existing))
        {
            return IntakeMode.Move;
        }

        _err.WriteLine($"bodycam: {folder} is not on the vault's file system, so intake copies the files into the vault and they stay in {folder}.");
        return IntakeMode.Copy;
    }

    private static DateTimeOffset ParseNow(string? text, DateTimeOffset fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset now))
        {
            throw new UsageException("--now wants an ISO 8601 time, for example 2026-06-01T00:00:00Z.");
        }

        return now;
    }

    // The device-signed span of a version 2 recording when there is one, else what the first export found.
    private static string PreRecord(RecordingDetails d) =>
        d.PreRecordSpanMilliseconds is long signed ? Ms(signed) + " (device-signed, from the open record)"
        : d.PreRecordMilliseconds is long found ? Ms(found) + " (from the decrypted frames at the first export)"
        : "- (format version 1: inside the encrypted segments, known after the first export)";

    private static string Ms(long? ms) => ms is long v ? (v / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";

    private Command BuildRegistry()
    {
        Argument<string> device = new("device-id") { Description = "The device id (as 'bodycam device info' prints DeviceId)." };
        Argument<string> municipality = new("municipality") { Description = "The owning municipality." };
        Argument<string> key = new("public-key") { Description = "The device's Ed25519 public key, 64 hex digits (DevicePublicKey of 'bodycam device info')." };
        Command add = new("add", "Add an enrolled device to the device registry (created when missing).") { device, municipality, key };
        add.SetAction((parse, ct) => Run(parse, () =>
        {
            string path = RegistryPath(parse);
            DeviceRegistry registry = File.Exists(path) ? DeviceRegistry.Load(path) : DeviceRegistry.Empty();
            DeviceRegistryEntry entry = DeviceRegistry.CreateEntry(parse.GetValue(device)!, parse.GetValue(municipality)!, parse.GetValue(key)!.ToLowerInvariant());
            registry.Add(entry).Save(path);
            return Write(parse, new { entry.DeviceId, entry.MunicipalityId, PublicKey = entry.PublicKeyHex, Registry = path }, $"added {entry.DeviceId} ({entry.MunicipalityId}) to {path}");
        }));
        return new Command("registry", "The device registry: device id, municipality and public key of every enrolled device.") { add };
    }

    private Command BuildIntake()
    {
        Argument<DirectoryInfo> folder = new("folder") { Description = "An offload folder (each device's recordings in a subfolder, as 'bodycam offload' leaves them)." };
        Option<bool> move = new("--move")
        {
            Description = "Move the files of each verified recording into the vault (rename, when the folder is on the vault's file system; otherwise copy and say so) instead of copying them; "
                + "files already stored are removed once the vault's metadata names them; what is refused or quarantined stays in the folder untouched.",
        };
        Command intake = new("intake", "Verify every recording in a folder with the registry's device key and store the encrypted originals unchanged; quarantine what does not verify. Running it again changes nothing in the vault.") { folder, move };
        intake.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            VaultActor actor = ActorOf(parse, vault);
            string path = parse.GetValue(folder)!.FullName;
            IntakeMode mode = parse.GetValue(move) && Directory.Exists(path) ? MoveOrCopy(vault, path) : IntakeMode.Copy;
            IReadOnlyList<IntakeResult> results = vault.IntakeFolder(actor, path, mode);
            var view = results.Select(r => new { r.RecordingId, Outcome = r.Outcome.ToString(), Detail = r.Outcome == IntakeOutcome.Stored && r.SourcesMoved ? r.Detail + "; the source files moved into the vault" : r.Detail, r.SourcesMoved }).ToList();
            int code = Write(parse, view, string.Join(Environment.NewLine, view.Select(r => $"{r.RecordingId ?? "(unreadable)",-32}  {r.Outcome,-13} {r.Detail}").DefaultIfEmpty("no recordings found")));
            return results.All(r => r.Outcome is IntakeOutcome.Stored or IntakeOutcome.AlreadyStored) ? code : ExitCodes.CheckFailed;
        }));
        return intake;
    }

    private Command BuildList()
    {
        Option<string?> now = new("--now") { Description = "The time that decides what is expired (ISO 8601; default: now)." };
        Option<bool> expired = new("--expired") { Description = "Only recordings past their retention period at --now (held or not)." };
        Option<bool> held = new("--held") { Description = "Only recordings with a hold in force." };
        Option<int> limit = new("--limit") { Description = "At most this many, oldest first.", DefaultValueFactory = _ => 100 };
        Command list = new("list", "List your municipality's recordings, oldest first: id, recorded at, expiry, holds. (No device or officer column, and no filter by either: the vault offers no way to profile staff.)") { now, expired, held, limit };
        list.SetAction((parse, ct) => Run(parse, () =>
        {
            if (parse.GetValue(expired) && parse.GetValue(held))
            {
                throw new UsageException("Give --expired or --held, not both.");
            }

            EvidenceVault vault = OpenVault(parse);
            DateTimeOffset at = ParseNow(parse.GetValue(now), DateTimeOffset.UtcNow);
            ListFilter filter = parse.GetValue(expired) ? ListFilter.Expired : parse.GetValue(held) ? ListFilter.Held : ListFilter.All;
            IReadOnlyList<RecordingSummary> rows = vault.List(ActorOf(parse, vault), at, filter, parse.GetValue(limit));
            var view = rows.Select(r => new { r.RecordingId, RecordedAt = r.RecordedAt.ToString("O"), r.ClockSynchronised, r.DurationMilliseconds, r.Status, ExpiresAt = r.ExpiresAt.ToString("O"), Expired = r.ExpiresAt <= at, r.ActiveHolds, r.Bytes }).ToList();
            return Write(parse, view, string.Join(Environment.NewLine, rows.Select(r => $"{r.RecordingId}  {r.RecordedAt:yyyy-MM-dd HH:mm:ss}Z{(r.ClockSynchronised ? " " : "*")} {Ms(r.DurationMilliseconds),8}  expires {r.ExpiresAt:yyyy-MM-dd HH:mm}Z{(r.ExpiresAt <= at ? " (expired)" : string.Empty)}  holds {r.ActiveHolds}").DefaultIfEmpty("no recordings")));
        }));
        return list;
    }

    private Command BuildShow()
    {
        Argument<string> id = new("recording-id") { Description = "The recording." };
        Command show = new("show", "Everything the vault holds about one recording of your municipality: metadata, files, holds, requests.") { id };
        show.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            RecordingDetails d = vault.Show(ActorOf(parse, vault), parse.GetValue(id)!);
            var lines = new List<string>
            {
                $"recording     {d.RecordingId} ({d.Status})",
                $"municipality  {d.MunicipalityId}",
                $"device        {d.DeviceId}",
                $"recorded at   {d.RecordedAt:O}{(d.ClockSynchronised ? string.Empty : " (device clock not set: intake time)")}",
                $"duration      {Ms(d.DurationMilliseconds)}",
                $"pre-record    {PreRecord(d)}",
                $"expires       {d.ExpiresAt:O}",
                $"sha256        {d.Sha256}",
                $"intake        {d.IntakeAt:O} by {d.IntakeActor} from {d.Source}",
                $"verification  {d.Verification}",
            };
            lines.AddRange(d.Files.Select(f => $"file {f.Index}        {f.Sha256}  {f.FileName} ({f.Bytes} bytes)"));
            lines.AddRange(d.Holds.Select(h => $"hold          {h.HoldId} {VaultTerms.Name(h.Kind)} '{h.Reference}' by {h.PlacedBy} {h.PlacedAt:O}" + (h.InForce ? " (in force)" : $" released by {h.ReleasedBy}: {h.ReleaseReason}")));
            lines.AddRange(d.Requests.Select(r => $"request       {r.RequestId} {VaultTerms.Name(r.Purpose)} for a {VaultTerms.Name(r.RequesterRole)} by {r.RequestedBy}: {VaultTerms.Name(r.State)}" + (r.DecidedBy is null ? string.Empty : " by " + r.DecidedBy)));
            return Write(parse, d, string.Join(Environment.NewLine, lines));
        }));
        return show;
    }

    private Command BuildHold()
    {
        Argument<string> id = new("recording-id") { Description = "The recording." };
        Option<string> kind = new("--kind") { Description = "aangifte, complaint, damages-claim or prosecutor-demand.", Required = true };
        Option<string> reference = new("--reference") { Description = "The case reference.", Required = true };
        Command place = new("place", "Hold a recording past its retention period (privacy officer).") { id, kind, reference };
        place.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            Hold hold = vault.PlaceHold(ActorOf(parse, vault), parse.GetValue(id)!, VaultTerms.ParseHoldKind(parse.GetValue(kind)!), parse.GetValue(reference)!);
            return Write(parse, new { hold.HoldId, hold.RecordingId, Kind = VaultTerms.Name(hold.Kind), hold.Reference }, $"hold {hold.HoldId} on {hold.RecordingId}: {VaultTerms.Name(hold.Kind)} '{hold.Reference}'");
        }));
        Argument<string> holdId = new("hold-id") { Description = "The hold." };
        Option<string> reason = new("--reason") { Description = "Why the hold ends.", Required = true };
        Command release = new("release", "Release a hold (privacy officer); the recording then expires as usual.") { holdId, reason };
        release.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            vault.ReleaseHold(ActorOf(parse, vault), parse.GetValue(holdId)!, parse.GetValue(reason)!);
            return Write(parse, new { HoldId = parse.GetValue(holdId), Released = true }, $"hold {parse.GetValue(holdId)} released");
        }));
        return new Command("hold", "Holds: aangifte, complaint, damages claim, prosecutor's demand.") { place, release };
    }

    private Command BuildRequest()
    {
        Argument<string> id = new("recording-id") { Description = "The recording." };
        Option<string> requester = new("--requester-role") { Description = "filmed-person, bystander, officer or prosecutor.", Required = true };
        Option<string> purpose = new("--purpose") { Description = "inzage, aangifte, complaint, damages-claim, prosecution (training is refused: no anonymisation step yet).", Required = true };
        Option<string> reference = new("--reference") { Description = "The case reference.", Required = true };
        Command create = new("create", "File a request to see one recording for one purpose (viewer or privacy officer); another privacy officer decides it.") { id, requester, purpose, reference };
        create.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            AccessRequest r = vault.CreateRequest(ActorOf(parse, vault), parse.GetValue(id)!, VaultTerms.ParseRequesterRole(parse.GetValue(requester)!), VaultTerms.ParsePurpose(parse.GetValue(purpose)!), parse.GetValue(reference)!);
            return Write(parse, new { r.RequestId, r.RecordingId, Purpose = VaultTerms.Name(r.Purpose), State = VaultTerms.Name(r.State) }, $"request {r.RequestId} for {r.RecordingId} ({VaultTerms.Name(r.Purpose)}): pending");
        }));
        return new Command("request", "Requests to see footage, decided by someone other than the requester.") { create, Decide("approve", true), Decide("deny", false) };
    }

    private Command Decide(string name, bool approve)
    {
        Argument<string> id = new("request-id") { Description = "The request." };
        Option<string> note = new("--note") { Description = "The decision's note.", Required = true };
        Command decide = new(name, (approve ? "Approve" : "Deny") + " a pending request (a privacy officer who did not file it).") { id, note };
        decide.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            AccessRequest r = vault.Decide(ActorOf(parse, vault), parse.GetValue(id)!, approve, parse.GetValue(note)!);
            return Write(parse, new { r.RequestId, State = VaultTerms.Name(r.State), r.DecidedBy }, $"request {r.RequestId}: {VaultTerms.Name(r.State)} by {r.DecidedBy}");
        }));
        return decide;
    }

    private Command BuildExport()
    {
        Argument<string> id = new("recording-id") { Description = "The recording." };
        Option<string> request = new("--request") { Description = "The approved request for this recording.", Required = true };
        Option<FileInfo> recipientKey = new("--recipient-key") { Description = "Your municipality's recipient private key file (passphrase from --passphrase-env).", Required = true };
        Option<DirectoryInfo> outDir = new("--out") { Description = "The export folder to create (must not exist).", Required = true };
        Command export = new("export", "Decrypt a recording into an evidence bundle plus a chain-of-custody report, only under an approved request for it; logged with the report's hash.") { id, request, recipientKey, outDir };
        export.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            VaultActor actor = ActorOf(parse, vault);
            string passphrase = _environment(parse.GetValue(_passphraseEnv)!) is { Length: > 0 } p
                ? p
                : throw new UsageException($"No passphrase: set {parse.GetValue(_passphraseEnv)}.");
            using KeyPair key = PrivateKeyFile.Load(parse.GetValue(recipientKey)!.FullName, passphrase, KeyType.Recipient);
            ExportResult result = vault.Export(actor, parse.GetValue(id)!, parse.GetValue(request)!, key.PrivateKey, parse.GetValue(outDir)!.FullName);
            return Write(parse, result, $"exported {parse.GetValue(id)} to {result.Directory}\n  bundle            {result.BundleDirectory}\n  chain of custody  {result.CustodyReportPath}\n  sha256            {result.CustodyReportSha256} (access log entry {result.LogSequence})");
        }));
        return export;
    }

    private Command BuildSweep()
    {
        Option<string?> now = new("--now") { Description = "The time that decides what is expired (ISO 8601; default: now)." };
        Command sweep = new("sweep", "Delete your municipality's recordings whose retention period has passed and that no hold keeps; keep a deletion record of each.") { now };
        sweep.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            SweepResult result = vault.Sweep(ActorOf(parse, vault), ParseNow(parse.GetValue(now), DateTimeOffset.UtcNow));
            var view = new { Deleted = result.Deleted.Select(d => new { d.RecordingId, d.Sha256, d.Bytes, DeletedAt = d.DeletedAt.ToString("O"), d.Reason }), result.KeptUnderHold };
            return Write(parse, view, string.Join(Environment.NewLine, result.Deleted.Select(d => $"deleted {d.RecordingId}  {d.Sha256}  {d.Reason}").Append($"{result.Deleted.Count} deleted, {result.KeptUnderHold} expired but held")));
        }));
        return sweep;
    }

    private Command BuildDeletions()
    {
        Command deletions = new("deletions", "Print your municipality's deletion records: what the sweep destroyed, its hash, when and why (privacy officer).");
        deletions.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            IReadOnlyList<DeletionRecord> records = vault.Deletions(ActorOf(parse, vault));
            return Write(parse, records, string.Join(Environment.NewLine, records.Select(d => $"{d.DeletedAt:yyyy-MM-dd HH:mm:ss}Z  {d.RecordingId}  {d.Sha256}  {d.Bytes,12}  by {d.Actor}: {d.Reason}").DefaultIfEmpty("no deletions")));
        }));
        return deletions;
    }

    private Command BuildLog()
    {
        Command show = new("show", "Print your municipality's access log (privacy officer).");
        show.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            IReadOnlyList<AccessLogEntry> entries = vault.ReadLog(ActorOf(parse, vault));
            return Write(parse, entries, string.Join(Environment.NewLine, entries.Select(e => $"{e.Sequence,5}  {e.At:yyyy-MM-dd HH:mm:ss}Z  {e.Actor,-10} {e.Action,-18} {e.RecordingId ?? "-",-32}  {e.Purpose ?? "-",-13} {e.Detail}")));
        }));
        Command verify = new("verify", "Check the access log's hash chain and head (privacy officer); names the first entry that fails.");
        verify.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            LogVerification result = vault.VerifyLog(ActorOf(parse, vault));
            int code = Write(parse, result, result.Valid ? $"access log valid: {result.Entries} entries, head {result.HeadHash}" : $"access log NOT valid at entry {result.FirstBadSequence}: {result.Reason}");
            return result.Valid ? code : ExitCodes.CheckFailed;
        }));
        return new Command("log", "The append-only, hash-chained access log.") { show, verify };
    }

    private Command BuildCheck()
    {
        Option<bool> deep = new("--deep") { Description = "Also re-hash every stored original." };
        Command check = new("check", "Find objects without metadata, metadata without objects, and work a crash interrupted.") { deep };
        check.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            CheckReport report = vault.Check(ActorOf(parse, vault), parse.GetValue(deep));
            var view = new { report.Objects, report.Recordings, report.Clean, Findings = report.Findings.Select(f => new { Kind = f.Kind.ToString(), f.Subject, f.Detail, f.IsFault }) };
            int code = Write(parse, view, string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.Kind}: {f.Subject}: {f.Detail}").Append($"{report.Objects} objects, {report.Recordings} recordings: {(report.Clean ? "clean" : "NOT clean")}")));
            return report.Clean ? code : ExitCodes.CheckFailed;
        }));
        return check;
    }

    private string VaultFolder(ParseResult parse) =>
        parse.GetValue(_vault)?.FullName
        ?? (_environment("BODYCAM_VAULT") is { Length: > 0 } v ? Path.GetFullPath(v) : throw new UsageException("Give --vault <folder> (or set BODYCAM_VAULT)."));

    private string RegistryPath(ParseResult parse) => parse.GetValue(_registry)?.FullName ?? Path.Combine(VaultFolder(parse), "devices.txt");

    private EvidenceVault OpenVault(ParseResult parse)
    {
        string root = VaultFolder(parse);
        string roles = parse.GetValue(_roles)?.FullName ?? Path.Combine(root, "roles.txt");
        string registry = RegistryPath(parse);
        if (!File.Exists(roles))
        {
            throw new UsageException($"No roles file at {roles}: write one (docs/evidence-vault.md, \"Roles file\") or give --roles.");
        }

        if (!File.Exists(registry))
        {
            throw new UsageException($"No device registry at {registry}: add devices with 'bodycam vault registry add' or give --registry.");
        }

        string? db = parse.GetValue(_db);
        return EvidenceVault.Open(new VaultOptions
        {
            Root = root,
            Database = db is null ? null : VaultDatabase.FromSetting(db),
            Roles = RolesFile.Load(roles),
            Registry = DeviceRegistry.Load(registry),
        });
    }


    private int Write(ParseResult parse, object value, string text)
    {
        _out.WriteLine(parse.GetValue(_json) ? JsonSerializer.Serialize(value, s_json) : text);
        return ExitCodes.Success;
    }

    // Runs an action and turns the vault's and the registry's typed errors into exit codes.
    private Task<int> Run(ParseResult parse, Func<int> action)
    {
        _ = parse;
        try
        {
            return Task.FromResult(action());
        }
        catch (VaultException e)
        {
            _err.WriteLine($"bodycam: vault: {e.Message} ({e.Error})");
            return Task.FromResult(e.Error switch
            {
                VaultError.BadRolesFile or VaultError.InvalidArgument => ExitCodes.Usage,
                VaultError.WrongKey => ExitCodes.KeyError,
                VaultError.SchemaTooNew or VaultError.ObjectDamaged or VaultError.UnknownDevice => ExitCodes.CheckFailed,
                _ => VaultExitCodes.Refused,
            });
        }
        catch (DeviceRegistryException e)
        {
            _err.WriteLine($"bodycam: device registry ({e.Error}): {e.Message}");
            return Task.FromResult(ExitCodes.Usage);
        }
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (VaultException e)
        {
            throw new UsageException("vault: " + e.Message);
        }
        catch (DeviceRegistryException e)
        {
            throw new UsageException($"device registry ({e.Error}): {e.Message}");
        }
    }
}
