using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Keys;

namespace Bodycam.Evidence;

/// <summary>
/// The evidence vault: intake of verified encrypted originals, retention with holds, purpose-bound requests decided
/// by someone else, exports only under an approved request, and an append-only hash-chained access log; one vault
/// for several municipalities, each actor seeing only their own (docs/evidence-vault.md). Opening the vault brings
/// the database to the latest schema and finishes or undoes what a crash interrupted.
/// </summary>
public sealed class EvidenceVault
{
    private EvidenceVault(VaultOptions options, VaultDatabase database)
    {
        Options = options;
        Database = database;
        Store = new ObjectStore(options.Root);
    }

    /// <summary>Gets the options the vault was opened with.</summary>
    public VaultOptions Options { get; }

    /// <summary>Gets the metadata database.</summary>
    public VaultDatabase Database { get; }

    /// <summary>Gets the store of encrypted originals.</summary>
    public ObjectStore Store { get; }

    internal long NowMs => Options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Opens a vault: migrates the database and recovers from an interrupted intake or sweep.</summary>
    /// <param name="options">Where and who.</param>
    /// <returns>The vault.</returns>
    public static EvidenceVault Open(VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        System.IO.Directory.CreateDirectory(options.Root);
        VaultDatabase database = options.Database ?? new SqliteVaultDatabase(System.IO.Path.Combine(options.Root, "vault.db"));
        var vault = new EvidenceVault(options, database);
        Migrations.Apply(database, vault.NowMs);
        new VaultRecovery(vault).Run();
        ViewSession.RemoveAbandoned(options.ViewFolder);
        return vault;
    }

    /// <summary>Finds an actor in the roles file.</summary>
    /// <param name="name">The actor's name.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.UnknownActor"/>.</exception>
    public VaultActor Actor(string name) => Options.Roles.Actor(name);

    /// <summary>
    /// Finds an actor and checks that they hold the private half of the key the roles file registers for them: the
    /// key signs a fresh random challenge bound to this vault and the actor's name, and the signature must verify
    /// with the registered public key (docs/evidence-vault.md, "Actors and their keys"). The command line acts only
    /// through this; <see cref="Actor"/> is for a host that has authenticated its users itself.
    /// </summary>
    /// <param name="name">The actor's name.</param>
    /// <param name="actorKey">The actor's key pair (type <see cref="KeyType.Actor"/>), loaded from their key file; the caller erases it.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.UnknownActor"/> or <see cref="VaultError.NotAuthenticated"/>.</exception>
    public VaultActor Authenticate(string name, KeyPair actorKey)
    {
        ArgumentNullException.ThrowIfNull(actorKey);
        VaultActor actor = Actor(name);
        if (actorKey.Type != KeyType.Actor)
        {
            throw new VaultException(VaultError.NotAuthenticated, $"The key given for '{name}' is a {actorKey.Type} key, not a vault actor key; make one with 'bodycam vault actor-key new'.");
        }

        if (!Options.Roles.TryGetActorKey(name, out byte[] registered))
        {
            throw new VaultException(VaultError.NotAuthenticated, $"Actor '{name}' has no key line in the roles file, so they cannot prove who they are; make a key with 'bodycam vault actor-key new' and have the roles file's keeper add 'key {name} <public key>'.");
        }

        byte[] challenge = System.Text.Encoding.UTF8.GetBytes("bodycam-vault-actor-authentication-1\n" + Store.Root + "\n" + name + "\n" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        byte[] signature = Ed25519.Sign(actorKey.PrivateKey, challenge);
        if (!Ed25519.Verify(registered, challenge, signature))
        {
            throw new VaultException(VaultError.NotAuthenticated, $"The actor key given is not the one the roles file registers for '{name}'.");
        }

        return actor;
    }

    /// <summary>Takes in every recording under a folder (an offload destination): files named like the device names them, grouped per recording.</summary>
    /// <param name="actor">An intake operator.</param>
    /// <param name="folder">The folder (searched recursively; .part files are skipped).</param>
    /// <returns>One result per recording.</returns>
    public IReadOnlyList<IntakeResult> IntakeFolder(VaultActor actor, string folder) => IntakeFolder(actor, folder, IntakeMode.Copy);

    /// <summary>
    /// Takes in every recording under a folder, copying its files into the store or, with <see cref="IntakeMode.Move"/>,
    /// renaming them into it when the folder is on the vault's file system (docs/evidence-vault.md, "Intake").
    /// </summary>
    /// <param name="actor">An intake operator.</param>
    /// <param name="folder">The folder (searched recursively).</param>
    /// <param name="mode">Copy or move.</param>
    /// <returns>One result per recording.</returns>
    public IReadOnlyList<IntakeResult> IntakeFolder(VaultActor actor, string folder, IntakeMode mode) => new IntakeProcessor(this, mode).IntakeFolder(actor, folder);

    /// <summary>Takes in one recording.</summary>
    /// <param name="actor">An intake operator.</param>
    /// <param name="files">The recording's files, in any order.</param>
    /// <param name="source">Where they came from, for the metadata.</param>
    /// <returns>What happened.</returns>
    public IntakeResult Intake(VaultActor actor, IReadOnlyList<string> files, string source) => Intake(actor, files, source, IntakeMode.Copy);

    /// <summary>Takes in one recording, copying or moving its files (see <see cref="IntakeMode"/>).</summary>
    /// <param name="actor">An intake operator.</param>
    /// <param name="files">The recording's files, in any order.</param>
    /// <param name="source">Where they came from, for the metadata.</param>
    /// <param name="mode">Copy or move.</param>
    /// <returns>What happened.</returns>
    public IntakeResult Intake(VaultActor actor, IReadOnlyList<string> files, string source, IntakeMode mode) => new IntakeProcessor(this, mode).Intake(actor, files, source);

    /// <summary>
    /// Removes the source names a link intake left (<see cref="IntakeMode.Link"/>) for one recording it stored: each of
    /// the result's files that is the very file (same device and inode) of the object the recording's metadata names
    /// for that file name. Any other file (a copy, a missing path) is left as it is, and so is every file of a result
    /// that is not <see cref="IntakeOutcome.Stored"/> or <see cref="IntakeOutcome.AlreadyStored"/>.
    /// </summary>
    /// <param name="actor">An intake operator.</param>
    /// <param name="result">A link intake's result.</param>
    /// <returns>The files removed.</returns>
    public IReadOnlyList<string> RemoveTakenSources(VaultActor actor, IntakeResult result)
    {
        Require(actor, VaultRole.IntakeOperator);
        ArgumentNullException.ThrowIfNull(result);
        var removed = new List<string>();
        if (result.Outcome is not (IntakeOutcome.Stored or IntakeOutcome.AlreadyStored) || result.RecordingId is null)
        {
            return removed;
        }

        Dictionary<string, string> objects;
        using (DbConnection connection = Database.Open())
        {
            objects = Sql.Query(
                    connection,
                    null,
                    "SELECT f.file_name, f.sha256 FROM recording_files f JOIN recordings r ON r.recording_id = f.recording_id WHERE f.recording_id = @r AND r.municipality = @m AND r.state = 'stored'",
                    r => (r.GetString(0), r.GetString(1)),
                    ("@r", result.RecordingId),
                    ("@m", actor.MunicipalityId))
                .ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);
        }

        foreach (string file in result.Files)
        {
            if (File.Exists(file) && objects.TryGetValue(Path.GetFileName(file), out string? sha256) && Store.IsSameFile(file, sha256))
            {
                File.Delete(file);
                removed.Add(file);
            }
        }

        return removed;
    }

    /// <summary>
    /// Whether a move intake from <paramref name="folder"/> can rename its files into the object store: the folder is on
    /// the vault's file system (Linux; elsewhere false, and a move intake copies).
    /// </summary>
    /// <param name="folder">An existing folder.</param>
    /// <returns>True when files from it can be moved in.</returns>
    public bool CanMoveFrom(string folder) => Store.SameFileSystem(folder);

    /// <summary>Lists the actor's municipality's stored recordings, oldest first.</summary>
    /// <param name="actor">Any actor.</param>
    /// <param name="now">The time that decides what is expired.</param>
    /// <param name="filter">Which ones.</param>
    /// <param name="limit">At most this many (1 to 100 000).</param>
    /// <returns>The recordings.</returns>
    public IReadOnlyList<RecordingSummary> List(VaultActor actor, DateTimeOffset now, ListFilter filter = ListFilter.All, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (limit is < 1 or > 100_000)
        {
            throw new VaultException(VaultError.InvalidArgument, "The limit is 1 to 100000.");
        }

        TimeSpan period = Options.Roles.RetentionOf(actor.MunicipalityId);
        long cutoff = now.ToUnixTimeMilliseconds() - (long)period.TotalMilliseconds;
        string where = filter switch
        {
            ListFilter.Expired => " AND recorded_at_ms <= @c",
            ListFilter.Held => " AND active_holds > 0",
            _ => string.Empty,
        };
        using DbConnection connection = Database.Open();
        return Sql.Query(
            connection,
            null,
            "SELECT recording_id, recorded_at_ms, clock_synchronised, duration_ms, status, active_holds, bytes FROM recordings WHERE municipality = @m AND state = 'stored'" + where + " ORDER BY recorded_at_ms, recording_id LIMIT @l",
            r => new RecordingSummary(
                r.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)),
                r.GetInt64(2) != 0,
                Sql.Long(r, 3),
                r.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)) + period,
                (int)r.GetInt64(5),
                r.GetInt64(6)),
            ("@m", actor.MunicipalityId),
            ("@c", cutoff),
            ("@l", (long)limit));
    }

    /// <summary>Everything about one recording of the actor's municipality.</summary>
    /// <param name="actor">Any actor.</param>
    /// <param name="recordingId">The recording.</param>
    /// <returns>The details.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.NotFound"/>, also for another municipality's recording.</exception>
    public RecordingDetails Show(VaultActor actor, string recordingId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        using DbConnection connection = Database.Open();
        return Details(connection, null, actor, recordingId);
    }

    /// <summary>Places a hold: the recording is not deleted while it is in force.</summary>
    /// <param name="actor">A privacy officer.</param>
    /// <param name="recordingId">The recording.</param>
    /// <param name="kind">Why.</param>
    /// <param name="reference">The case reference (required).</param>
    /// <returns>The hold.</returns>
    public Hold PlaceHold(VaultActor actor, string recordingId, HoldKind kind, string reference)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        RequireText(reference, "reference");
        long now = NowMs;
        string id = NewId("hold");
        using DbConnection connection = Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();

        // The hold count sits on the recording's row, so the sweep's conditional update and this one lock the same row.
        int changed = Sql.Execute(connection, transaction, "UPDATE recordings SET active_holds = active_holds + 1 WHERE recording_id = @r AND municipality = @m AND state = 'stored'", ("@r", recordingId), ("@m", actor.MunicipalityId));
        if (changed != 1)
        {
            throw NotFound("recording", recordingId);
        }

        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO holds (hold_id, recording_id, municipality, kind, reference, placed_by, placed_at_ms) VALUES (@h, @r, @m, @k, @x, @a, @t)",
            ("@h", id),
            ("@r", recordingId),
            ("@m", actor.MunicipalityId),
            ("@k", VaultTerms.Name(kind)),
            ("@x", reference),
            ("@a", actor.Name),
            ("@t", now));
        AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, "hold-placed", recordingId, null, null, $"hold {id}: {VaultTerms.Name(kind)}, reference {reference}", null);
        transaction.Commit();
        return new Hold(id, recordingId, kind, reference, actor.Name, DateTimeOffset.FromUnixTimeMilliseconds(now), null, null, null);
    }

    /// <summary>Releases a hold; once no hold is in force, the recording expires as usual.</summary>
    /// <param name="actor">A privacy officer.</param>
    /// <param name="holdId">The hold.</param>
    /// <param name="reason">Why (required).</param>
    public void ReleaseHold(VaultActor actor, string holdId, string reason)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        RequireText(reason, "reason");
        long now = NowMs;
        using DbConnection connection = Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        List<(string RecordingId, string? ReleasedBy)> rows = Sql.Query(
            connection,
            transaction,
            "SELECT recording_id, released_by FROM holds WHERE hold_id = @h AND municipality = @m" + Database.ForUpdate,
            r => (r.GetString(0), Sql.Text(r, 1)),
            ("@h", holdId),
            ("@m", actor.MunicipalityId));
        if (rows.Count == 0)
        {
            throw NotFound("hold", holdId);
        }

        if (rows[0].ReleasedBy is not null)
        {
            throw new VaultException(VaultError.HoldReleased, $"Hold {holdId} was already released by {rows[0].ReleasedBy}.");
        }

        Sql.Execute(connection, transaction, "UPDATE holds SET released_by = @a, released_at_ms = @t, release_reason = @x WHERE hold_id = @h", ("@a", actor.Name), ("@t", now), ("@x", reason), ("@h", holdId));
        Sql.Execute(connection, transaction, "UPDATE recordings SET active_holds = active_holds - 1 WHERE recording_id = @r", ("@r", rows[0].RecordingId));
        AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, "hold-released", rows[0].RecordingId, null, null, $"hold {holdId} released: {reason}", null);
        transaction.Commit();
    }

    /// <summary>Files a request to see one recording for one purpose.</summary>
    /// <param name="actor">A viewer or privacy officer.</param>
    /// <param name="recordingId">The recording.</param>
    /// <param name="requester">Who asks.</param>
    /// <param name="purpose">For what (training is refused: see <see cref="VaultError.TrainingNeedsAnonymisation"/>).</param>
    /// <param name="reference">The case reference (required).</param>
    /// <returns>The pending request.</returns>
    public AccessRequest CreateRequest(VaultActor actor, string recordingId, RequesterRole requester, RequestPurpose purpose, string reference)
    {
        RequireAny(actor, VaultRole.Viewer, VaultRole.PrivacyOfficer);
        RequireText(reference, "reference");
        long now = NowMs;
        using DbConnection connection = Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        if (!RecordingExists(connection, transaction, actor.MunicipalityId, recordingId))
        {
            throw NotFound("recording", recordingId);
        }

        if (purpose == RequestPurpose.Training)
        {
            const string Message = "Training use is refused: the decision allows training only with footage fully anonymised (every face, voice, "
                + "number plate and other identifying detail made unrecognisable), and the vault has no anonymisation step yet. "
                + "Raw footage is never served for training.";
            AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, "request-refused", recordingId, null, VaultTerms.Name(purpose), "missing step: anonymisation", null);
            transaction.Commit();
            throw new VaultException(VaultError.TrainingNeedsAnonymisation, Message);
        }

        bool allowed = requester == RequesterRole.Prosecutor
            ? purpose == RequestPurpose.Prosecution
            : purpose is RequestPurpose.Inzage or RequestPurpose.Aangifte or RequestPurpose.Complaint or RequestPurpose.DamagesClaim;
        if (!allowed)
        {
            throw new VaultException(VaultError.PurposeNotAllowed, $"A {VaultTerms.Name(requester)} cannot ask for '{VaultTerms.Name(purpose)}': the prosecutor asks for prosecution; a filmed person, bystander or officer for inzage, aangifte, complaint or damages-claim.");
        }

        string id = NewId("req");
        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO requests (request_id, recording_id, municipality, requested_by, requester_role, purpose, reference, requested_at_ms, state) VALUES (@q, @r, @m, @a, @w, @p, @x, @t, 'pending')",
            ("@q", id),
            ("@r", recordingId),
            ("@m", actor.MunicipalityId),
            ("@a", actor.Name),
            ("@w", VaultTerms.Name(requester)),
            ("@p", VaultTerms.Name(purpose)),
            ("@x", reference),
            ("@t", now));
        AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, "request-made", recordingId, id, VaultTerms.Name(purpose), $"for a {VaultTerms.Name(requester)}, reference {reference}", null);
        transaction.Commit();
        return new AccessRequest(id, recordingId, actor.Name, requester, purpose, reference, DateTimeOffset.FromUnixTimeMilliseconds(now), RequestState.Pending, null, null, null);
    }

    /// <summary>Approves or denies a pending request. The requester cannot decide their own request (four eyes).</summary>
    /// <param name="actor">A privacy officer other than the requester.</param>
    /// <param name="requestId">The request.</param>
    /// <param name="approve">True to approve, false to deny.</param>
    /// <param name="note">The decision's note (required).</param>
    /// <returns>The decided request.</returns>
    public AccessRequest Decide(VaultActor actor, string requestId, bool approve, string note)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        RequireText(note, "note");
        long now = NowMs;
        using DbConnection connection = Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        AccessRequest request = LoadRequest(connection, transaction, actor, requestId, lockRow: true);
        if (request.State != RequestState.Pending)
        {
            throw new VaultException(VaultError.RequestNotPending, $"Request {requestId} was already {VaultTerms.Name(request.State)} by {request.DecidedBy}.");
        }

        if (string.Equals(request.RequestedBy, actor.Name, StringComparison.Ordinal))
        {
            AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, "decision-refused", request.RecordingId, requestId, VaultTerms.Name(request.Purpose), "the requester may not decide their own request (four eyes)", null);
            transaction.Commit();
            throw new VaultException(VaultError.FourEyes, $"{actor.Name} filed request {requestId} and cannot decide it: another privacy officer of {actor.MunicipalityId} must (four eyes).");
        }

        RequestState state = approve ? RequestState.Approved : RequestState.Denied;
        Sql.Execute(connection, transaction, "UPDATE requests SET state = @s, decided_by = @a, decided_at_ms = @t, decision_note = @n WHERE request_id = @q", ("@s", VaultTerms.Name(state)), ("@a", actor.Name), ("@t", now), ("@n", note), ("@q", requestId));
        AccessLog.Append(connection, transaction, Database, actor.MunicipalityId, now, actor.Name, approve ? "request-approved" : "request-denied", request.RecordingId, requestId, VaultTerms.Name(request.Purpose), note, null);
        transaction.Commit();
        return request with { State = state, DecidedBy = actor.Name, DecidedAt = DateTimeOffset.FromUnixTimeMilliseconds(now), DecisionNote = note };
    }

    /// <summary>
    /// Decrypts a recording into an evidence bundle with a chain-of-custody report, only under an approved request
    /// for that recording; the access is logged with the report's hash.
    /// </summary>
    /// <param name="actor">A viewer or privacy officer of the recording's municipality.</param>
    /// <param name="recordingId">The recording.</param>
    /// <param name="requestId">The approved request for it.</param>
    /// <param name="recipientPrivateKey">The municipality's recipient private key (32 bytes; the caller erases it).</param>
    /// <param name="outputDirectory">The export folder to create (must not exist).</param>
    /// <returns>What was produced.</returns>
    public ExportResult Export(VaultActor actor, string recordingId, string requestId, ReadOnlySpan<byte> recipientPrivateKey, string outputDirectory) =>
        new CustodyExporter(this).Export(actor, recordingId, requestId, recipientPrivateKey, outputDirectory);

    /// <summary>
    /// Opens a viewing copy under an approved request: decrypted into a private folder, logged like an export, and
    /// removed (and logged) when the session is disposed.
    /// </summary>
    /// <param name="actor">A viewer or privacy officer of the recording's municipality.</param>
    /// <param name="recordingId">The recording.</param>
    /// <param name="requestId">An approved request for it.</param>
    /// <param name="recipientPrivateKey">The municipality's recipient private key.</param>
    /// <returns>The session; dispose it when the viewing is done.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.NoApprovedRequest"/>, <see cref="VaultError.RoleMissing"/>, <see cref="VaultError.NotFound"/>, <see cref="VaultError.WrongKey"/>.</exception>
    public ViewSession View(VaultActor actor, string recordingId, string requestId, ReadOnlySpan<byte> recipientPrivateKey) =>
        ViewSession.Open(this, actor, recordingId, requestId, recipientPrivateKey);

    /// <summary>Deletes the actor's municipality's recordings whose retention has passed and that no hold keeps.</summary>
    /// <param name="actor">A privacy officer or intake operator.</param>
    /// <param name="now">The time that decides what is expired.</param>
    /// <returns>What was deleted and what was kept under hold.</returns>
    public SweepResult Sweep(VaultActor actor, DateTimeOffset now) => new Sweeper(this).Sweep(actor, now);

    /// <summary>The deletion records of the actor's municipality, oldest first.</summary>
    /// <param name="actor">A privacy officer.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<DeletionRecord> Deletions(VaultActor actor)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        using DbConnection connection = Database.Open();
        return Sql.Query(
            connection,
            null,
            "SELECT recording_id, sha256, bytes, recorded_at_ms, deleted_at_ms, reason, actor FROM deletions WHERE municipality = @m ORDER BY deleted_at_ms, recording_id",
            r => new DeletionRecord(r.GetString(0), r.GetString(1), r.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetString(5), r.GetString(6)),
            ("@m", actor.MunicipalityId));
    }

    /// <summary>Reads the actor's municipality's access log.</summary>
    /// <param name="actor">A privacy officer.</param>
    /// <returns>The entries in order.</returns>
    public IReadOnlyList<AccessLogEntry> ReadLog(VaultActor actor)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        using DbConnection connection = Database.Open();
        return AccessLog.Read(connection, actor.MunicipalityId);
    }

    /// <summary>Checks the actor's municipality's access log: links, hashes and head.</summary>
    /// <param name="actor">A privacy officer.</param>
    /// <returns>The outcome, naming the first bad entry.</returns>
    public LogVerification VerifyLog(VaultActor actor)
    {
        Require(actor, VaultRole.PrivacyOfficer);
        using DbConnection connection = Database.Open();
        return AccessLog.Verify(connection, actor.MunicipalityId);
    }

    /// <summary>Finds objects without metadata, metadata without objects, and interrupted work.</summary>
    /// <param name="actor">An intake operator or privacy officer.</param>
    /// <param name="deep">Also re-hash every object.</param>
    /// <returns>The findings.</returns>
    public CheckReport Check(VaultActor actor, bool deep = false)
    {
        RequireAny(actor, VaultRole.IntakeOperator, VaultRole.PrivacyOfficer);
        return new VaultRecovery(this).Check(deep);
    }

    internal static VaultException NotFound(string what, string id) =>
        new(VaultError.NotFound, $"No {what} '{id}' in your municipality.");

    internal static string NewId(string prefix) => prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    internal static void Require(VaultActor actor, VaultRole role)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(role))
        {
            throw new VaultException(VaultError.RoleMissing, $"{actor.Name} is not a {VaultTerms.Name(role)} (roles file).");
        }
    }

    internal static void RequireAny(VaultActor actor, params VaultRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!roles.Any(actor.Has))
        {
            throw new VaultException(VaultError.RoleMissing, $"{actor.Name} needs one of the roles {string.Join(", ", roles.Select(VaultTerms.Name))} (roles file).");
        }
    }

    internal static void RequireText(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 500)
        {
            throw new VaultException(VaultError.InvalidArgument, $"A {what} of 1 to 500 characters is required.");
        }
    }

    internal static bool RecordingExists(DbConnection connection, DbTransaction? transaction, string municipality, string recordingId) =>
        Sql.Scalar(connection, transaction, "SELECT 1 FROM recordings WHERE recording_id = @r AND municipality = @m AND state = 'stored'", ("@r", recordingId), ("@m", municipality)) is not null;

    internal AccessRequest LoadRequest(DbConnection connection, DbTransaction? transaction, VaultActor actor, string requestId, bool lockRow)
    {
        List<AccessRequest> rows = Sql.Query(
            connection,
            transaction,
            "SELECT request_id, recording_id, requested_by, requester_role, purpose, reference, requested_at_ms, state, decided_by, decided_at_ms, decision_note FROM requests WHERE request_id = @q AND municipality = @m" + (lockRow ? Database.ForUpdate : string.Empty),
            ReadRequest,
            ("@q", requestId),
            ("@m", actor.MunicipalityId));
        return rows.Count == 1 ? rows[0] : throw NotFound("request", requestId);
    }

    internal RecordingDetails Details(DbConnection connection, DbTransaction? transaction, VaultActor actor, string recordingId)
    {
        TimeSpan period = Options.Roles.RetentionOf(actor.MunicipalityId);
        List<StoredFile> files = Sql.Query(
            connection,
            transaction,
            "SELECT file_index, file_name, sha256, bytes FROM recording_files WHERE recording_id = @r ORDER BY file_index",
            r => new StoredFile((int)r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3)),
            ("@r", recordingId));
        List<Hold> holds = Sql.Query(
            connection,
            transaction,
            "SELECT hold_id, recording_id, kind, reference, placed_by, placed_at_ms, released_by, released_at_ms, release_reason FROM holds WHERE recording_id = @r AND municipality = @m ORDER BY placed_at_ms, hold_id",
            r => new Hold(r.GetString(0), r.GetString(1), VaultTerms.ParseHoldKind(r.GetString(2)), r.GetString(3), r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), Sql.Text(r, 6), Sql.Long(r, 7) is long t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null, Sql.Text(r, 8)),
            ("@r", recordingId),
            ("@m", actor.MunicipalityId));
        List<AccessRequest> requests = Sql.Query(
            connection,
            transaction,
            "SELECT request_id, recording_id, requested_by, requester_role, purpose, reference, requested_at_ms, state, decided_by, decided_at_ms, decision_note FROM requests WHERE recording_id = @r AND municipality = @m ORDER BY requested_at_ms, request_id",
            ReadRequest,
            ("@r", recordingId),
            ("@m", actor.MunicipalityId));
        List<RecordingDetails> rows = Sql.Query(
            connection,
            transaction,
            "SELECT recording_id, municipality, device_id, recorded_at_ms, clock_synchronised, duration_ms, pre_record_ms, status, sha256, bytes, intake_at_ms, intake_actor, source, verification, pre_record_span_ms FROM recordings WHERE recording_id = @r AND municipality = @m AND state = 'stored'",
            r => new RecordingDetails(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                r.GetInt64(4) != 0,
                Sql.Long(r, 5),
                Sql.Long(r, 6),
                Sql.Long(r, 14),
                r.GetString(7),
                r.GetString(8),
                r.GetInt64(9),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
                r.GetString(11),
                r.GetString(12),
                r.GetString(13),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)) + period,
                files,
                holds,
                requests),
            ("@r", recordingId),
            ("@m", actor.MunicipalityId));
        return rows.Count == 1 ? rows[0] : throw NotFound("recording", recordingId);
    }

    internal void Fault(VaultStep step) => Options.FaultHook?.Invoke(step);

    private static AccessRequest ReadRequest(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        VaultTerms.ParseRequesterRole(r.GetString(3)),
        VaultTerms.ParsePurpose(r.GetString(4)),
        r.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
        VaultTerms.ParseRequestState(r.GetString(7)),
        Sql.Text(r, 8),
        Sql.Long(r, 9) is long t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null,
        Sql.Text(r, 10));
}
