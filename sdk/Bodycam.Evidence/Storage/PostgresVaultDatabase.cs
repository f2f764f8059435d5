using System;
using System.Collections.Generic;
using System.Data.Common;
using Npgsql;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// A shared installation: PostgreSQL through Npgsql, selected by a connection string
/// (for example <c>Host=127.0.0.1;Port=5432;Database=vault;Username=vault</c>; <c>Search Path</c> picks a schema).
/// </summary>
public sealed class PostgresVaultDatabase : VaultDatabase
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="PostgresVaultDatabase"/> class.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    public PostgresVaultDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString).ToString();
    }

    /// <inheritdoc/>
    public override string Kind => "postgresql";

    /// <inheritdoc/>
    internal override string ForUpdate => " FOR UPDATE";

    /// <inheritdoc/>
    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    internal override IReadOnlyList<string> AppendOnlyTrigger() =>
    [
        "CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$",
        "CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()",
    ];
}
