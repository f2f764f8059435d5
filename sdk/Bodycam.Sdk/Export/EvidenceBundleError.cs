namespace Bodycam.Sdk.Export;

/// <summary>Why an evidence bundle was not made (see <see cref="EvidenceBundleException"/>).</summary>
public enum EvidenceBundleError
{
    /// <summary>The bundle folder exists already; bundles are never overwritten.</summary>
    AlreadyExists = 1,

    /// <summary>An original encrypted file named in the input does not exist.</summary>
    OriginalMissing = 2,

    /// <summary>Two original files have the same file name.</summary>
    DuplicateOriginalName = 3,

    /// <summary>The copy of an original file does not hash the same as the file it was copied from.</summary>
    CopyMismatch = 4,

    /// <summary>The input is incomplete or out of range.</summary>
    InvalidInput = 5,
}
