namespace Bodycam.Evidence;

/// <summary>What <c>vault check</c> found.</summary>
public enum CheckFindingKind
{
    /// <summary>An object in the store that no recording's metadata names (fault).</summary>
    ObjectWithoutMetadata = 1,

    /// <summary>A stored recording's file whose object is missing (fault).</summary>
    MetadataWithoutObject = 2,

    /// <summary>An object whose length differs from its metadata (fault).</summary>
    ObjectLengthMismatch = 3,

    /// <summary>An object whose SHA-256 differs from its name (fault; only with the deep check).</summary>
    ObjectHashMismatch = 4,

    /// <summary>A recording marked for deletion whose deletion did not finish (fault; the next start finishes it).</summary>
    DeletionIncomplete = 5,

    /// <summary>An intake that stopped part-way more than the grace period ago (fault; the next start removes it).</summary>
    InterruptedIntake = 6,

    /// <summary>An intake running now, in this or another process (not a fault).</summary>
    IntakeInProgress = 7,

    /// <summary>A temporary file no intake owns (fault; the next start removes it).</summary>
    StrayTemporaryFile = 8,

    /// <summary>
    /// A file recovery gave back from an interrupted move intake into <c>returned/&lt;owner&gt;/</c> because its source
    /// path was taken or its folder gone (fault until someone puts it back in an offload folder and takes it in).
    /// </summary>
    ReturnedFile = 9,
}
