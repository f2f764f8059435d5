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
/// (their objects removed unless metadata names them); temporary files no journal owns are removed.
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
        List<(string Sha, string Owner)> stale;
        long limit = _vault.NowMs - (long)_vault.Options.IntakeGrace.TotalMilliseconds;
        using (DbConnection connection = _vault.Database.Open())
        {
            deleting = Sql.Query(connection, null, "SELECT recording_id FROM recordings WHERE state = 'deleting'", r => r.GetString(0))
                .Select(id => (id, Sql.Query(connection, null, "SELECT sha256 FROM recording_files WHERE recording_id = @r", r => r.GetString(0), ("@r", id))))
                .ToList();
            stale = Sql.Query(connection, null, "SELECT sha256, owner FROM pending_intakes WHERE started_at_ms <= @t", r => (r.GetString(0), r.GetString(1)), ("@t", limit));
        }

        Sweeper.Finish(_vault, deleting);

        foreach ((string sha, string owner) in stale)
        {
            using DbConnection connection = _vault.Database.Open();
            using DbTransaction transaction = connection.BeginTransaction();
            if (Sql.Scalar(connection, transaction, "SELECT 1 FROM recording_files WHERE sha256 = @h", ("@h", sha)) is null)
            {
                _vault.Store.Delete(sha);
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

        return new CheckReport(objects, recordings, findings);
    }

    private List<(string Sha, string Owner, long Started)> Pending()
    {
        using DbConnection connection = _vault.Database.Open();
        return Sql.Query(connection, null, "SELECT sha256, owner, started_at_ms FROM pending_intakes", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
    }
}
