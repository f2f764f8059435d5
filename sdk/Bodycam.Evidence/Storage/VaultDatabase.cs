using System.Collections.Generic;
using System.Data.Common;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The vault's metadata database: SQLite (<see cref="SqliteVaultDatabase"/>, the embedded default) or PostgreSQL
/// (<see cref="PostgresVaultDatabase"/>, a shared installation). Both hold the same tables, made by the same
/// migrations (docs/evidence-vault.md, "Schema"); they differ only in how a connection is opened and in the few
/// statements whose syntax differs (the append-only trigger on the access log, row locks).
/// </summary>
public abstract class VaultDatabase
{
    /// <summary>Gets a short name for reports: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Gets what follows a SELECT that must lock the rows it reads until the transaction ends.</summary>
    internal abstract string ForUpdate { get; }

    /// <summary>Selects the database from a <c>--db</c> value: an Npgsql connection string (it contains '=') or a SQLite file path.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The database.</returns>
    public static VaultDatabase FromSetting(string value)
    {
        return value.Contains('=', System.StringComparison.Ordinal)
            ? new PostgresVaultDatabase(value)
            : new SqliteVaultDatabase(value);
    }

    /// <summary>Opens a connection, ready for use.</summary>
    /// <returns>The open connection; the caller disposes it.</returns>
    public abstract DbConnection Open();

    /// <summary>The statements that make the append-only trigger on the access log, in this database's syntax.</summary>
    /// <returns>The statements.</returns>
    internal abstract IReadOnlyList<string> AppendOnlyTrigger();
}
