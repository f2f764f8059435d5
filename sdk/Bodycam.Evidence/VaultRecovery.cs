using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Bodycam.Evidence.Storage;

namespace Bodycam.Evidence;

/// <summary>
/// What a start does after a crash, and what <c>vault check</c> reports (docs/evidence-vault.md, "Crash safety"):
/// recordings marked 'deleting' are finished; intakes journaled longer ago than the grace period are undone
/// (a copying intake's objects removed unless metadata names them; a move or link intake's objects given back to the
/// source path the journal names, or to <c>returned/&lt;owner&gt;/</c>); temporary files no journal owns are removed.
/// </summary>
internal sealed class VaultRecovery
{
    private readonly EvidenceVault _vault;

    public VaultRecovery(EvidenceVault vault)
    {
        _vault = vault;
    }

    public void Run()
    {
        List<(string Id, List<string> Objects)> deleting;
        List<(string Sha, string Owner, string? Source)> stale;
        long limit = _vault.NowMs - (long)_vault.Options.IntakeGrace.TotalMilliseconds;
        using (DbConnection connection = _vault.Database.Open())
        {
            deleting = Sql.Query(connection, null, "SELECT recording_id FROM recordings WHERE state = 'deleting'", r => r.GetString(0))
                .Select(id => (id, Sql.Query(connection, null, "SELECT sha256 FROM recording_files WHERE recording_id = @r", r => r.GetString(0), ("@r", id))))
                .ToList();
            stale = Sql.Query(connection, null, "SELECT sha256, owner, source_path FROM pending_intakes WHERE started_at_ms <= @t", r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ("@t", limit));
        }

        Sweeper.Finish(_vault, deleting);

        foreach ((string sha, string owner, string? source) in stale)
        {
            using DbConnection connection = _vault.Database.Open();
            using DbTransaction transaction = connection.BeginTransaction();
            if (Sql.Scalar(connection, transaction, "SELECT 1 FROM recording_files WHERE sha256 = @h", ("@h", sha)) is null)
            {
                if (source is null)
                {
                    // A copying intake: the source folder still holds the file, so intake runs again from there.
                    _vault.Store.Delete(sha);
                }
                else if (_vault.Store.Exists(sha))
                {
                    // A move or link intake: the object may be the only copy of the file. It goes back, never away.
                    GiveBack(sha, owner, source);
                }
            }

            _vault.Store.DeleteTemporary(owner, sha);
            Sql.Execute(connection, transaction, "DELETE FROM pending_intakes WHERE sha256 = @h AND owner = @o", ("@h", sha), ("@o", owner));
            transaction.Commit();
        }

        HashSet<string> owned = Pending().Select(p => p.Owner + "-" + p.Sha).ToHashSet(StringComparer.Ordinal);
        foreach (string name in _vault.Store.EnumerateTemporary().ToList())
        {
            if (!owned.Contains(name))
            {
                File.Delete(Path.Combine(_vault.Store.Root, "tmp", name));
            }
        }
    }

    // Gives a move or link intake's uncommitted object back to its source path. When that path is the object's own
    // file (a link) it only loses its object name and gets its owner's write permission back; when it holds the same
    // bytes (the object was copied after all, or the file was fetched again), the object is the surplus copy and goes;
    // when the path holds another file or its folder is gone, the object goes to returned/<owner>/<file name>.
    private void GiveBack(string sha, string owner, string source)
    {
        string destination = source;
        string? folder = Path.GetDirectoryName(source);
        if (File.Exists(source))
        {
            bool linked = _vault.Store.IsSameFile(source, sha);
            if (linked || (new FileInfo(source).Length == _vault.Store.LengthOf(sha) && HashOf(source) == sha))
            {
                _vault.Store.Delete(sha);
                _vault.Store.SyncObjectFolder(sha);
                if (linked && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(source, File.GetUnixFileMode(source) | UnixFileMode.UserWrite);
                }

                return;
            }

            destination = Returned(owner, source);
        }
        else if (folder is null || !Directory.Exists(folder))
        {
            destination = Returned(owner, source);
        }

        if (!_vault.Store.MoveOut(sha, destination))
        {
            // The source folder is on another file system now (mounted since): the returned folder is on the vault's.
            destination = Returned(owner, source);
            if (!_vault.Store.MoveOut(sha, destination))
            {
                throw new IOException($"Cannot give object {sha} back to {destination}: the vault folder is on another file system than its own objects.");
            }
        }

        FileSystem.SyncFolder(Path.GetDirectoryName(destination)!);
        _vault.Store.SyncObjectFolder(sha);
    }

    private string Returned(string owner, string source)
    {
        string folder = Path.Combine(_vault.Store.ReturnedFolder, owner);
        Directory.CreateDirectory(folder);
        FileSystem.SyncFolder(_vault.Store.ReturnedFolder);
        return Path.Combine(folder, Path.GetFileName(source));
    }

    private static string HashOf(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public CheckReport Check(bool deep)
    {
        var findings = new List<CheckFinding>();
        long limit = _vault.NowMs - (long)_vault.Options.IntakeGrace.TotalMilliseconds;
        Dictionary<string, long> referenced;
        long recordings;
        using (DbConnection connection = _vault.Database.Open())
        {
            referenced = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach ((string sha, long bytes, string state, string id) in Sql.Query(
                connection,
                null,
                "SELECT f.sha256, f.bytes, r.state, r.recording_id FROM recording_files f JOIN recordings r ON r.recording_id = f.recording_id",
                r => (r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3))))
            {
                referenced[sha] = bytes;
                long length = _vault.Store.LengthOf(sha);
                if (state == "deleting")
                {
                    continue;
                }

                if (length < 0)
                {
                    findings.Add(new CheckFinding(CheckFindingKind.MetadataWithoutObject, id, $"object {sha} is missing"));
                }
                else if (length != bytes)
                {
                    findings.Add(new CheckFinding(CheckFindingKind.ObjectLengthMismatch, id, $"object {sha} has {length} bytes, the metadata says {bytes}"));
                }
                else if (deep)
                {
                    using FileStream stream = File.OpenRead(_vault.Store.PathOf(sha));
                    string actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                    if (actual != sha)
                    {
                        findings.Add(new CheckFinding(CheckFindingKind.ObjectHashMismatch, id, $"object {sha} hashes to {actual}"));
                    }
                }
            }

            foreach (string id in Sql.Query(connection, null, "SELECT recording_id FROM recordings WHERE state = 'deleting'", r => r.GetString(0)))
            {
                findings.Add(new CheckFinding(CheckFindingKind.DeletionIncomplete, id, "marked for deletion, not yet deleted (the next start finishes it)"));
            }

            recordings = Convert.ToInt64(Sql.Scalar(connection, null, "SELECT COUNT(*) FROM recordings"), System.Globalization.CultureInfo.InvariantCulture);
        }

        List<(string Sha, string Owner, long Started)> pending = Pending();
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string sha, string owner, long started) in pending)
        {
            if (started <= limit)
            {
                findings.Add(new CheckFinding(CheckFindingKind.InterruptedIntake, sha, $"intake {owner} stopped at {DateTimeOffset.FromUnixTimeMilliseconds(started):O} (the next start undoes it)"));
            }
            else
            {
                findings.Add(new CheckFinding(CheckFindingKind.IntakeInProgress, sha, $"intake {owner} running since {DateTimeOffset.FromUnixTimeMilliseconds(started):O}"));
            }

            inProgress.Add(sha);
        }

        long objects = 0;
        foreach (string name in _vault.Store.Enumerate())
        {
            objects++;
            if (!referenced.ContainsKey(name) && !inProgress.Contains(name))
            {
                findings.Add(new CheckFinding(CheckFindingKind.ObjectWithoutMetadata, name, "no recording names this object"));
            }
        }

        HashSet<string> owned = pending.Select(p => p.Owner + "-" + p.Sha).ToHashSet(StringComparer.Ordinal);
        foreach (string name in _vault.Store.EnumerateTemporary())
        {
            if (!owned.Contains(name))
            {
                findings.Add(new CheckFinding(CheckFindingKind.StrayTemporaryFile, name, "a temporary file no intake owns (the next start removes it)"));
            }
        }

        foreach (string returned in _vault.Store.EnumerateReturned())
        {
            findings.Add(new CheckFinding(CheckFindingKind.ReturnedFile, returned, $"given back from an interrupted move intake to {Path.Combine(_vault.Store.ReturnedFolder, returned)} because its source path was taken or gone: put it in an offload folder and take it in again"));
        }

        return new CheckReport(objects, recordings, findings);
    }

    private List<(string Sha, string Owner, long Started)> Pending()
    {
        using DbConnection connection = _vault.Database.Open();
        return Sql.Query(connection, null, "SELECT sha256, owner, started_at_ms FROM pending_intakes", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
    }
}
