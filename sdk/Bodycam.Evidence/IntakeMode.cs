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
}
