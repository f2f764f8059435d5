using System;
using System.Collections.Generic;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The embedded default: one SQLite file beside the object store. Write-ahead log with full sync, so a committed
/// transaction survives a crash and a killed process leaves the last committed state.
/// </summary>
public sealed class SqliteVaultDatabase : VaultDatabase
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqliteVaultDatabase"/> class.</summary>
    /// <param name="path">The database file (created when missing).</param>
    public SqliteVaultDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Gets the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string Kind => "sqlite";

    /// <inheritdoc/>
    internal override string ForUpdate => string.Empty;

    /// <inheritdoc/>
    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using SqliteCommand pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Switches the file to write-ahead logging (kept in the file, so once is enough).</summary>
    internal void UseWriteAheadLog()
    {
        using DbConnection connection = Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    internal override IReadOnlyList<string> AppendOnlyTrigger() =>
    [
        "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END",
        "CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END",
    ];
}
