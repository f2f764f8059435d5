using System;
using System.Collections.Generic;
using System.Data.Common;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order inside one transaction each (both databases run DDL inside
/// a transaction), recorded in <c>vault_schema</c>. Types are the common subset: TEXT and BIGINT only.
/// </summary>
internal static class Migrations
{
    public const int Latest = 3;

    private static readonly string[] s_version1 =
    [
        """
        CREATE TABLE recordings (
            recording_id TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            device_id TEXT NOT NULL,
            recorded_at_ms BIGINT NOT NULL,
            clock_synchronised BIGINT NOT NULL,
            duration_ms BIGINT NULL,
            pre_record_ms BIGINT NULL,
            status TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BIGINT NOT NULL,
            file_count BIGINT NOT NULL,
            intake_at_ms BIGINT NOT NULL,
            intake_actor TEXT NOT NULL,
            source TEXT NOT NULL,
            verification TEXT NOT NULL,
            state TEXT NOT NULL,
            active_holds BIGINT NOT NULL)
        """,
        "CREATE INDEX recordings_retention ON recordings (municipality, state, active_holds, recorded_at_ms)",
        "CREATE INDEX recordings_by_time ON recordings (municipality, recorded_at_ms, recording_id)",
        """
        CREATE TABLE recording_files (
            recording_id TEXT NOT NULL,
            file_index BIGINT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BIGINT NOT NULL,
            PRIMARY KEY (recording_id, file_index))
        """,
        "CREATE INDEX recording_files_sha256 ON recording_files (sha256)",
        """
        CREATE TABLE pending_intakes (
            sha256 TEXT NOT NULL,
            owner TEXT NOT NULL,
            recording_id TEXT NOT NULL,
            started_at_ms BIGINT NOT NULL,
            PRIMARY KEY (sha256, owner))
        """,
        """
        CREATE TABLE quarantine (
            quarantine_id TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            recording_id TEXT NULL,
            sha256 TEXT NOT NULL,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            actor TEXT NOT NULL)
        """,
        """
        CREATE TABLE holds (
            hold_id TEXT PRIMARY KEY,
            recording_id TEXT NOT NULL,
            municipality TEXT NOT NULL,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            placed_by TEXT NOT NULL,
            placed_at_ms BIGINT NOT NULL,
            released_by TEXT NULL,
            released_at_ms BIGINT NULL,
            release_reason TEXT NULL)
        """,
        "CREATE INDEX holds_recording ON holds (recording_id)",
        """
        CREATE TABLE requests (
            request_id TEXT PRIMARY KEY,
            recording_id TEXT NOT NULL,
            municipality TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requester_role TEXT NOT NULL,
            purpose TEXT NOT NULL,
            reference TEXT NOT NULL,
            requested_at_ms BIGINT NOT NULL,
            state TEXT NOT NULL,
            decided_by TEXT NULL,
            decided_at_ms BIGINT NULL,
            decision_note TEXT NULL)
        """,
        "CREATE INDEX requests_recording ON requests (recording_id)",
        """
        CREATE TABLE deletions (
            recording_id TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BIGINT NOT NULL,
            recorded_at_ms BIGINT NOT NULL,
            deleted_at_ms BIGINT NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL)
        """,
        """
        CREATE TABLE access_log (
            municipality TEXT NOT NULL,
            seq BIGINT NOT NULL,
            at_ms BIGINT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            recording_id TEXT NULL,
            request_id TEXT NULL,
            purpose TEXT NULL,
            detail TEXT NOT NULL,
            output_sha256 TEXT NULL,
            prev_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL,
            PRIMARY KEY (municipality, seq))
        """,
        """
        CREATE TABLE log_heads (
            municipality TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            entry_hash TEXT NOT NULL)
        """,
    ];

    // Version 2: the device-signed pre-record span from a version 2 recording's open record, set at intake (NULL for
    // version 1 recordings, whose span lies inside the encrypted segments: pre_record_ms, set at the first export).
    private static readonly string[] s_version2 =
    [
        "ALTER TABLE recordings ADD COLUMN pre_record_span_ms BIGINT NULL",
    ];

    // Version 3: a move intake's journal rows name the source path each object was renamed from, so recovery can
    // give the file back there; NULL for a copying intake's rows (the source still has its copy).
    private static readonly string[] s_version3 =
    [
        "ALTER TABLE pending_intakes ADD COLUMN source_path TEXT NULL",
    ];

    /// <summary>Brings the database to the latest schema; returns the version it found.</summary>
    public static int Apply(VaultDatabase database, long nowMs)
    {
        if (database is SqliteVaultDatabase sqlite)
        {
            sqlite.UseWriteAheadLog();
        }

        using DbConnection connection = database.Open();
        using (DbTransaction create = connection.BeginTransaction())
        {
            Sql.Execute(connection, create, "CREATE TABLE IF NOT EXISTS vault_schema (version BIGINT PRIMARY KEY, applied_at_ms BIGINT NOT NULL)");
            create.Commit();
        }

        using DbTransaction transaction = connection.BeginTransaction();
        object? found = Sql.Scalar(connection, transaction, "SELECT MAX(version) FROM vault_schema");
        int current = found is null ? 0 : Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        if (current > Latest)
        {
            throw new VaultException(VaultError.SchemaTooNew, $"The database has schema version {current}; this vault knows up to {Latest}. Use a newer bodycam.");
        }

        for (int version = current + 1; version <= Latest; version++)
        {
            foreach (string statement in Statements(database, version))
            {
                Sql.Execute(connection, transaction, statement);
            }

            Sql.Execute(connection, transaction, "INSERT INTO vault_schema (version, applied_at_ms) VALUES (@v, @t)", ("@v", (long)version), ("@t", nowMs));
        }

        transaction.Commit();
        return current;
    }

    private static IEnumerable<string> Statements(VaultDatabase database, int version)
    {
        return version switch
        {
            1 => [.. s_version1, .. database.AppendOnlyTrigger()],
            2 => s_version2,
            3 => s_version3,
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };
    }
}
