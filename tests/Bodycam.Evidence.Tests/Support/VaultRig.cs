using System;
using System.Collections.Generic;
using System.IO;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Devices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>
/// A vault in a temporary folder on one backend, for the three municipalities, with two emulated cameras (one in
/// Heerde, one in Hattem) whose keys are in the device registry. On PostgreSQL each rig gets its own schema.
/// </summary>
internal sealed class VaultRig : IDisposable
{
    public const string Roles = """
        bodycam-vault-roles 1
        # Heerde keeps the default 28 days; Hattem keeps 60.
        municipality heerde
        municipality hattem 60
        municipality oldebroek 28
        actor anna heerde privacy-officer
        actor piet heerde privacy-officer,viewer
        actor bram heerde intake-operator
        actor vera heerde viewer
        actor hans hattem privacy-officer,intake-operator,viewer
        actor olga oldebroek privacy-officer,intake-operator,viewer

        """;

    public static readonly DateTimeOffset RecordedAt = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly string? _schema;

    public VaultRig(Backend backend)
    {
        Backend = backend;
        Folder = Path.Combine(Path.GetTempPath(), "bodycam-vault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Root = Path.Combine(Folder, "vault");
        Offload = Path.Combine(Folder, "offload");
        Clock = new FakeClock(RecordedAt + TimeSpan.FromDays(1));
        RecipientPrivateKey = new byte[32];
        new SimulatedKeySource(99).Fill(RecipientPrivateKey);
        byte[] recipientPublic = X25519.GetPublicKey(RecipientPrivateKey);
        Heerde = new RecordingFactory("HEE-01", 11, recipientPublic);
        Hattem = new RecordingFactory("HAT-01", 22, recipientPublic);
        Registry = DeviceRegistry.Empty()
            .Add(new DeviceRegistryEntry(Heerde.DeviceId, "heerde", Heerde.DevicePublicKey))
            .Add(new DeviceRegistryEntry(Hattem.DeviceId, "hattem", Hattem.DevicePublicKey));
        if (backend == Backend.Postgres)
        {
            string admin = Environment.GetEnvironmentVariable(PostgresDataAttribute.Variable)
                ?? throw new InvalidOperationException(PostgresDataAttribute.Variable + " is not set.");
            _schema = "t_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using NpgsqlCommand create = connection.CreateCommand();
                create.CommandText = "CREATE SCHEMA " + _schema;
                create.ExecuteNonQuery();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema }.ToString();
            Database = new PostgresVaultDatabase(ConnectionString);
        }
        else
        {
            ConnectionString = Path.Combine(Root, "vault.db");
            Database = new SqliteVaultDatabase(ConnectionString);
        }
    }

    public Backend Backend { get; }

    public string Folder { get; }

    public string Root { get; }

    public string Offload { get; }

    public FakeClock Clock { get; }

    public byte[] RecipientPrivateKey { get; }

    public RecordingFactory Heerde { get; }

    public RecordingFactory Hattem { get; }

    public DeviceRegistry Registry { get; }

    public string ConnectionString { get; }

    public VaultDatabase Database { get; }

    public EvidenceVault Open(Action<VaultStep>? hook = null, string? roles = null) => EvidenceVault.Open(new VaultOptions
    {
        Root = Root,
        Database = Database,
        Roles = RolesFile.Parse(roles ?? Roles),
        Registry = Registry,
        Time = Clock,
        FaultHook = hook,
        ViewFolder = ViewFolder,
    });

    /// <summary>Gets where this rig's vault makes its viewing folders (inside the rig's folder, not /dev/shm).</summary>
    public string ViewFolder => Path.Combine(Folder, "views");

    /// <summary>A deterministic actor key pair (the test's own, not one from the operating system's random source).</summary>
    public static Sdk.Keys.KeyPair ActorKey(byte seed)
    {
        byte[] key = new byte[32];
        Array.Fill(key, seed);
        return Sdk.Keys.KeyPair.FromPrivateKey(Sdk.Keys.KeyType.Actor, key);
    }

    /// <summary>The roles file plus a key line for each actor in <paramref name="keys"/>.</summary>
    public static string RolesWithKeys(params (string Actor, Sdk.Keys.KeyPair Key)[] keys)
    {
        var text = new System.Text.StringBuilder(Roles);
        foreach ((string actor, Sdk.Keys.KeyPair key) in keys)
        {
            text.Append("key ").Append(actor).Append(' ').Append(Convert.ToHexStringLower(key.PublicKey)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Records with Heerde's camera into the offload folder.</summary>
    public IReadOnlyList<string> RecordHeerde(DateTimeOffset? at = null, int milliseconds = 3000, long fileMaxBytes = 1024 * 1024) =>
        Heerde.Record(Offload, at ?? RecordedAt, milliseconds, fileMaxBytes);

    /// <summary>Runs SQL on the rig's database (to play an attacker with database rights).</summary>
    public void Execute(string sql)
    {
        using System.Data.Common.DbConnection connection = Database.Open();
        using System.Data.Common.DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Heerde.Dispose();
        Hattem.Dispose();
        if (_schema is not null)
        {
            // Each rig's connection string is its own pool; close its idle connections so the server's client limit holds.
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresDataAttribute.Variable));
            connection.Open();
            using NpgsqlCommand drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA " + _schema + " CASCADE";
            drop.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed class SimulatedKeySource(long seed)
    {
        private readonly Emulator.Board.SimulatedRandom _random = new(seed);

        public void Fill(byte[] buffer) => _random.Fill(buffer, 0, buffer.Length);
    }
}
