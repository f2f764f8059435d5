namespace Bodycam.Sdk.Export;

/// <summary>What verification concluded about a recording (the reader's status, docs/recording-format.md).</summary>
public enum EvidenceStatus
{
    /// <summary>Every segment verified and the recording was closed normally by the device.</summary>
    Complete = 1,

    /// <summary>The device lost power while recording; recovery closed the file and says how much was lost.</summary>
    ClosedByRecovery = 2,

    /// <summary>The file ends early with no close record: what is there verifies, the rest is missing.</summary>
    Truncated = 3,

    /// <summary>Verification failed at a record: the media before it verified, nothing after it is trusted.</summary>
    Tampered = 4,
}
