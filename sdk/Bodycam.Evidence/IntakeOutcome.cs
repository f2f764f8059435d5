namespace Bodycam.Evidence;

/// <summary>What intake did with a recording.</summary>
public enum IntakeOutcome
{
    /// <summary>Verified and stored.</summary>
    Stored = 1,

    /// <summary>Already in the vault with the same files: nothing changed (intake is idempotent).</summary>
    AlreadyStored = 2,

    /// <summary>Did not verify (or conflicts with what is stored): recorded in quarantine with the reason, not stored.</summary>
    Quarantined = 3,

    /// <summary>Refused without a quarantine record: another municipality's device, or a recording already destroyed by retention.</summary>
    Refused = 4,
}
