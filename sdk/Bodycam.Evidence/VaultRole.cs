namespace Bodycam.Evidence;

/// <summary>What an actor may do in the vault (docs/evidence-vault.md, "Roles").</summary>
public enum VaultRole
{
    /// <summary>Takes recordings in, runs the sweep and the check.</summary>
    IntakeOperator = 1,

    /// <summary>Places and releases holds, decides requests, runs the sweep, reads and verifies the access log; may also request and export.</summary>
    PrivacyOfficer = 2,

    /// <summary>Files requests and, under an approved request, exports the recording it names.</summary>
    Viewer = 3,
}
