namespace Bodycam.Evidence;

/// <summary>What intake does with the source files of a recording it stores (docs/evidence-vault.md, "Intake").</summary>
public enum IntakeMode
{
    /// <summary>Writes a copy of each file into the object store; the source folder keeps its files.</summary>
    Copy = 1,

    /// <summary>
    /// Renames each file of a verified recording into the object store (same file system only; otherwise copies, as
    /// <see cref="Copy"/>). A file whose object is already stored is removed once the metadata names that object. A
    /// recording that is refused or quarantined keeps its source files untouched.
    /// </summary>
    Move = 2,

    /// <summary>
    /// Hard-links each file of a verified recording into the object store (same file system only; otherwise copies,
    /// as <see cref="Copy"/>): its bytes are not written again, and the source keeps its name, as one file with the
    /// object (read-only under both names), for a program that still reads it (the offloader, confirming to a device
    /// by the files' SHA-256). <see cref="EvidenceVault.RemoveTakenSources(VaultActor, IntakeResult)"/> removes the source names afterwards.
    /// Nothing is removed by the intake itself; a recording that is refused or quarantined keeps its files untouched.
    /// </summary>
    Link = 3,
}
