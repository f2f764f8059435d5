using System;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using Bodycam.Evidence;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;
using Npgsql;

namespace Bodycam.Vault.Bench;

/// <summary>
/// List and sweep over many metadata rows (metadata only: the objects are not written, so the sweep's deletes of
/// missing objects cost nothing and the figure is the database's). One municipality holds all rows, recorded over
/// the 28 days before "now" except 1 % older than the retention period; one in ten of those is held.
/// </summary>
internal static class MetadataBench
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Run(int rows, string? postgres)
    {
        string folder = Path.Combine(Path.GetTempPath(), "bodycam-vault-meta-" + Guid.NewGuid().ToString("N"));
        try
        {
            Measure("sqlite", new SqliteVaultDatabase(Path.Combine(folder, "vault.db")), folder, rows, null);
            if (postgres is not null)
            {
                string schema = "bench_" + Guid.NewGuid().ToString("N");
                Admin(postgres, "CREATE SCHEMA " + schema);
                try
                {
                    var builder = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema };
                    Measure("postgresql", new PostgresVaultDatabase(builder.ToString()), folder, rows, builder.ToString());
                }
                finally
                {
                    Admin(postgres, "DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string name, VaultDatabase database, string folder, int rows, string? postgres)
    {
        RolesFile roles = RolesFile.Parse("bodycam-vault-roles 1\nmunicipality heerde\nmunicipality hattem\nactor anna heerde privacy-officer\n");
        var options = new VaultOptions { Root = Path.Combine(folder, name), Database = database, Roles = roles, Registry = DeviceRegistry.Empty() };
        EvidenceVault vault = EvidenceVault.Open(options);
        var watch = Stopwatch.StartNew();
        int expired = Fill(database, rows, postgres);
        Console.WriteLine($"{name}: inserted {rows} recordings (+{rows} file rows) in {watch.Elapsed.TotalSeconds:0.0} s; {expired} past retention, {expired / 10} of them held");
        VaultActor anna = vault.Actor("anna");

        Time(name, "list, first 100 (oldest first)", () => vault.List(anna, Now, ListFilter.All, 100).Count);
        Time(name, "list --expired, first 100", () => vault.List(anna, Now, ListFilter.Expired, 100).Count);
        Time(name, "list --held, first 100", () => vault.List(anna, Now, ListFilter.Held, 100).Count);
        Time(name, "sweep (deletes the expired, unheld)", () => vault.Sweep(anna, Now).Deleted.Count);
        Time(name, "sweep again (nothing due)", () => vault.Sweep(anna, Now).Deleted.Count);
    }

    private static void Time(string name, string what, Func<int> action)
    {
        var watch = Stopwatch.StartNew();
        int count = action();
        Console.WriteLine($"{name}: {what}: {watch.Elapsed.TotalMilliseconds:0.0} ms ({count} rows)");
    }

    private static int Fill(VaultDatabase database, int rows, string? postgres)
    {
        long now = Now.ToUnixTimeMilliseconds();
        long day = 86_400_000L;
        int expired = 0;
        if (postgres is not null)
        {
            using var connection = new NpgsqlConnection(postgres);
            connection.Open();
            using (NpgsqlBinaryImporter import = connection.BeginBinaryImport("COPY recordings (recording_id, municipality, device_id, recorded_at_ms, clock_synchronised, duration_ms, pre_record_ms, status, sha256, bytes, file_count, intake_at_ms, intake_actor, source, verification, state, active_holds) FROM STDIN (FORMAT BINARY)"))
            {
                for (int i = 0; i < rows; i++)
                {
                    (long at, long holds, bool old) = Row(i, rows, now, day);
                    expired += old ? 1 : 0;
                    import.StartRow();
                    import.Write(Id(i));
                    import.Write("heerde");
                    import.Write("HEE-" + (i % 6).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                    import.Write(at);
                    import.Write(1L);
                    import.Write(60_000L);
                    import.WriteNull();
                    import.Write("Complete");
                    import.Write(Sha(i));
                    import.Write(10_000_000L);
                    import.Write(1L);
                    import.Write(at + day);
                    import.Write("bench");
                    import.Write("bench");
                    import.Write("Complete, 1 file(s)");
                    import.Write("stored");
                    import.Write(holds);
                }

                import.Complete();
            }

            using NpgsqlBinaryImporter files = connection.BeginBinaryImport("COPY recording_files (recording_id, file_index, file_name, sha256, bytes) FROM STDIN (FORMAT BINARY)");
            for (int i = 0; i < rows; i++)
            {
                files.StartRow();
                files.Write(Id(i));
                files.Write(0L);
                files.Write(Id(i) + "-000.bcr");
                files.Write(Sha(i));
                files.Write(10_000_000L);
            }

            files.Complete();
            return expired;
        }

        using DbConnection sqlite = database.Open();
        using DbTransaction transaction = sqlite.BeginTransaction();
        using DbCommand insert = sqlite.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO recordings VALUES (@r, 'heerde', @d, @t, 1, 60000, NULL, 'Complete', @h, 10000000, 1, @i, 'bench', 'bench', 'Complete, 1 file(s)', 'stored', @a)";
        using DbCommand file = sqlite.CreateCommand();
        file.Transaction = transaction;
        file.CommandText = "INSERT INTO recording_files VALUES (@r, 0, @f, @h, 10000000)";
        DbParameter r = Add(insert, "@r"), d = Add(insert, "@d"), t = Add(insert, "@t"), h = Add(insert, "@h"), i2 = Add(insert, "@i"), a = Add(insert, "@a");
        DbParameter fr = Add(file, "@r"), ff = Add(file, "@f"), fh = Add(file, "@h");
        for (int i = 0; i < rows; i++)
        {
            (long at, long holds, bool old) = Row(i, rows, now, day);
            expired += old ? 1 : 0;
            r.Value = Id(i);
            d.Value = "HEE-" + (i % 6).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            t.Value = at;
            h.Value = Sha(i);
            i2.Value = at + day;
            a.Value = holds;
            insert.ExecuteNonQuery();
            fr.Value = Id(i);
            ff.Value = Id(i) + "-000.bcr";
            fh.Value = Sha(i);
            file.ExecuteNonQuery();
        }

        transaction.Commit();
        return expired;
    }

    // Row i: one in a hundred lies before the retention period (one in ten of those held); the rest within it.
    private static (long At, long Holds, bool Old) Row(int i, int rows, long now, long day)
    {
        bool old = i % 100 == 0;
        long at = old ? now - (40 * day) + i : now - (27 * day) + (long)((double)i / rows * 26 * day);
        return (at, old && i % 1000 == 0 ? 1 : 0, old);
    }

    private static string Id(int i) => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static string Sha(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private static DbParameter Add(DbCommand command, string name)
    {
        DbParameter p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using NpgsqlCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
