using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using Bodycam.Evidence.Storage;

namespace Bodycam.Evidence;

/// <summary>
/// The retention sweep (docs/evidence-vault.md, "Retention"). Per batch: one transaction marks the recordings
/// 'deleting' (only if still stored and without a hold in force, checked on the row itself), writes the deletion
/// records and log entries; then the objects are deleted; then the metadata rows go. A crash after the mark is
/// finished by the next start; a crash before it leaves everything as it was. A held recording is never marked.
/// </summary>
internal sealed class Sweeper
{
    private readonly EvidenceVault _vault;

    public Sweeper(EvidenceVault vault)
    {
        _vault = vault;
    }

    public SweepResult Sweep(VaultActor actor, DateTimeOffset now)
    {
        EvidenceVault.RequireAny(actor, VaultRole.PrivacyOfficer, VaultRole.IntakeOperator);
        TimeSpan period = _vault.Options.Roles.RetentionOf(actor.MunicipalityId);
        long cutoff = now.ToUnixTimeMilliseconds() - (long)period.TotalMilliseconds;
        long nowMs = now.ToUnixTimeMilliseconds();
        int days = (int)period.TotalDays;
        var deleted = new List<DeletionRecord>();
        while (true)
        {
            var marked = new List<(string Id, List<string> Objects)>();
            using (DbConnection connection = _vault.Database.Open())
            using (DbTransaction transaction = connection.BeginTransaction())
            {
                List<(string Id, string Sha, long Bytes, long RecordedAt)> due = Sql.Query(
                    connection,
                    transaction,
                    "SELECT recording_id, sha256, bytes, recorded_at_ms FROM recordings WHERE municipality = @m AND state = 'stored' AND active_holds = 0 AND recorded_at_ms <= @c ORDER BY recorded_at_ms, recording_id LIMIT @l",
                    r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)),
                    ("@m", actor.MunicipalityId),
                    ("@c", cutoff),
                    ("@l", (long)_vault.Options.SweepBatch));
                if (due.Count == 0)
                {
                    break;
                }

                foreach ((string id, string sha, long bytes, long recordedAt) in due)
                {
                    // Re-checked on the row: a hold placed since the SELECT wins.
                    if (Sql.Execute(connection, transaction, "UPDATE recordings SET state = 'deleting' WHERE recording_id = @r AND state = 'stored' AND active_holds = 0", ("@r", id)) != 1)
                    {
                        continue;
                    }

                    string reason = string.Create(CultureInfo.InvariantCulture, $"retention of {days} days expired at {DateTimeOffset.FromUnixTimeMilliseconds(recordedAt) + period:O}; no hold in force");
                    Sql.Execute(
                        connection,
                        transaction,
                        "INSERT INTO deletions (recording_id, municipality, sha256, bytes, recorded_at_ms, deleted_at_ms, reason, actor) VALUES (@r, @m, @h, @b, @t, @d, @x, @a)",
                        ("@r", id),
                        ("@m", actor.MunicipalityId),
                        ("@h", sha),
                        ("@b", bytes),
                        ("@t", recordedAt),
                        ("@d", nowMs),
                        ("@x", reason),
                        ("@a", actor.Name));
                    AccessLog.Append(connection, transaction, _vault.Database, actor.MunicipalityId, _vault.NowMs, actor.Name, "deleted", id, null, null, reason, sha);
                    List<string> objects = Sql.Query(connection, transaction, "SELECT sha256 FROM recording_files WHERE recording_id = @r", r => r.GetString(0), ("@r", id));
                    marked.Add((id, objects));
                    deleted.Add(new DeletionRecord(id, sha, bytes, DateTimeOffset.FromUnixTimeMilliseconds(recordedAt), now, reason, actor.Name));
                }

                transaction.Commit();
            }

            _vault.Fault(VaultStep.SweepMarked);
            Finish(_vault, marked);
        }

        using DbConnection count = _vault.Database.Open();
        long held = Convert.ToInt64(
            Sql.Scalar(count, null, "SELECT COUNT(*) FROM recordings WHERE municipality = @m AND state = 'stored' AND active_holds > 0 AND recorded_at_ms <= @c", ("@m", actor.MunicipalityId), ("@c", cutoff)),
            CultureInfo.InvariantCulture);
        return new SweepResult(deleted, held);
    }

    /// <summary>Deletes marked recordings' objects, then their metadata in one transaction (also used by recovery).</summary>
    internal static void Finish(EvidenceVault vault, IReadOnlyList<(string Id, List<string> Objects)> marked)
    {
        if (marked.Count == 0)
        {
            return;
        }

        foreach ((_, List<string> objects) in marked)
        {
            foreach (string sha in objects)
            {
                vault.Store.Delete(sha);
                vault.Fault(VaultStep.SweepObjectDeleted);
            }
        }

        using DbConnection connection = vault.Database.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        foreach ((string id, _) in marked)
        {
            Sql.Execute(connection, transaction, "DELETE FROM recording_files WHERE recording_id = @r", ("@r", id));
            Sql.Execute(connection, transaction, "DELETE FROM recordings WHERE recording_id = @r AND state = 'deleting'", ("@r", id));
        }

        transaction.Commit();
        vault.Fault(VaultStep.SweepCompleted);
    }
}
