using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Evidence.Storage;

namespace Bodycam.Evidence;

/// <summary>
/// The access log: per municipality, entries 1, 2, 3, ... each carrying the previous entry's hash, and a head row
/// holding the last sequence and hash (docs/evidence-vault.md, "Access log"). An entry is appended inside the
/// transaction of the action it records, so the action and its log entry commit together or not at all.
/// </summary>
internal static class AccessLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly byte[] s_label = Encoding.ASCII.GetBytes("bodycam-vault-log/v1");

    public static long Append(
        DbConnection connection,
        DbTransaction transaction,
        VaultDatabase database,
        string municipality,
        long atMs,
        string actor,
        string action,
        string? recordingId,
        string? requestId,
        string? purpose,
        string detail,
        string? outputSha256)
    {
        Sql.Execute(connection, transaction, "INSERT INTO log_heads (municipality, seq, entry_hash) VALUES (@m, 0, @h) ON CONFLICT (municipality) DO NOTHING", ("@m", municipality), ("@h", Genesis));
        (long seq, string previous) = Sql.Query(
            connection,
            transaction,
            "SELECT seq, entry_hash FROM log_heads WHERE municipality = @m" + database.ForUpdate,
            r => (r.GetInt64(0), r.GetString(1)),
            ("@m", municipality))[0];
        long next = seq + 1;
        string hash = Hash(previous, next, municipality, atMs, actor, action, recordingId, requestId, purpose, detail, outputSha256);
        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO access_log (municipality, seq, at_ms, actor, action, recording_id, request_id, purpose, detail, output_sha256, prev_hash, entry_hash) VALUES (@m, @s, @t, @a, @x, @r, @q, @p, @d, @o, @ph, @h)",
            ("@m", municipality),
            ("@s", next),
            ("@t", atMs),
            ("@a", actor),
            ("@x", action),
            ("@r", recordingId),
            ("@q", requestId),
            ("@p", purpose),
            ("@d", detail),
            ("@o", outputSha256),
            ("@ph", previous),
            ("@h", hash));
        Sql.Execute(connection, transaction, "UPDATE log_heads SET seq = @s, entry_hash = @h WHERE municipality = @m", ("@s", next), ("@h", hash), ("@m", municipality));
        return next;
    }

    public static List<AccessLogEntry> Read(DbConnection connection, string municipality, string? recordingId = null)
    {
        string filter = recordingId is null ? string.Empty : " AND recording_id = @r";
        return Sql.Query(
            connection,
            null,
            "SELECT seq, at_ms, actor, action, recording_id, request_id, purpose, detail, output_sha256, prev_hash, entry_hash FROM access_log WHERE municipality = @m" + filter + " ORDER BY seq",
            r => new AccessLogEntry(
                r.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)),
                r.GetString(2),
                r.GetString(3),
                Sql.Text(r, 4),
                Sql.Text(r, 5),
                Sql.Text(r, 6),
                r.GetString(7),
                Sql.Text(r, 8),
                r.GetString(9),
                r.GetString(10)),
            ("@m", municipality),
            ("@r", recordingId));
    }

    public static LogVerification Verify(DbConnection connection, string municipality)
    {
        List<AccessLogEntry> entries = Read(connection, municipality);
        string running = Genesis;
        long expected = 1;
        foreach (AccessLogEntry e in entries)
        {
            if (e.Sequence != expected)
            {
                return new LogVerification(false, entries.Count, expected, $"entry {expected} is missing (the next entry is {e.Sequence})", running);
            }

            if (!string.Equals(e.PreviousHash, running, StringComparison.Ordinal))
            {
                return new LogVerification(false, entries.Count, e.Sequence, $"entry {e.Sequence} does not link to entry {e.Sequence - 1}", running);
            }

            string recomputed = Hash(e.PreviousHash, e.Sequence, municipality, e.At.ToUnixTimeMilliseconds(), e.Actor, e.Action, e.RecordingId, e.RequestId, e.Purpose, e.Detail, e.OutputSha256);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recomputed), Encoding.ASCII.GetBytes(e.EntryHash)))
            {
                return new LogVerification(false, entries.Count, e.Sequence, $"entry {e.Sequence} was changed (its hash does not match its content)", running);
            }

            running = e.EntryHash;
            expected++;
        }

        List<(long Seq, string Hash)> head = Sql.Query(connection, null, "SELECT seq, entry_hash FROM log_heads WHERE municipality = @m", r => (r.GetInt64(0), r.GetString(1)), ("@m", municipality));
        long headSeq = head.Count == 0 ? 0 : head[0].Seq;
        string headHash = head.Count == 0 ? Genesis : head[0].Hash;
        if (headSeq != expected - 1 || !string.Equals(headHash, running, StringComparison.Ordinal))
        {
            long bad = Math.Min(headSeq, expected - 1) + 1;
            return new LogVerification(false, entries.Count, bad, $"the log head says {headSeq} entries ending in {headHash[..16]}…, the entries end at {expected - 1} in {running[..16]}…: entries were removed or added", running);
        }

        return new LogVerification(true, entries.Count, 0, null, running);
    }

    // SHA-256 over a label and every field, each as a 4-byte big-endian length and its UTF-8 bytes (absent: length 0xFFFFFFFF).
    private static string Hash(string previous, long seq, string municipality, long atMs, string actor, string action, string? recordingId, string? requestId, string? purpose, string detail, string? output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(s_label);
        Span<byte> length = stackalloc byte[4];
        foreach (string? field in new[] { previous, seq.ToString(CultureInfo.InvariantCulture), municipality, atMs.ToString(CultureInfo.InvariantCulture), actor, action, recordingId, requestId, purpose, detail, output })
        {
            if (field is null)
            {
                BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
                hash.AppendData(length);
                continue;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
