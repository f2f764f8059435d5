namespace Bodycam.Sdk.Audit;

/// <summary>The outcome of verifying an audit trail.</summary>
public enum AuditTrailStatus
{
    /// <summary>Every record parses, chains and carries a valid device signature.</summary>
    Valid = 1,

    /// <summary>All complete records are valid; the trail ends inside a record (a copy cut short).</summary>
    Truncated = 2,

    /// <summary>A record fails to parse, to chain or to verify: the trail was altered from there on.</summary>
    Tampered = 3,
}
