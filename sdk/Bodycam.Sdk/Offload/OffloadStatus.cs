namespace Bodycam.Sdk.Offload;

/// <summary>What became of one recording in an offload.</summary>
public enum OffloadStatus
{
    /// <summary>Copied, verified and confirmed: the device deleted it.</summary>
    Confirmed = 1,

    /// <summary>Still being recorded on the device: left alone.</summary>
    SkippedOpen = 2,

    /// <summary>Copied but the verification failed: not confirmed, still on the device.</summary>
    VerificationFailed = 3,

    /// <summary>Copied and verified; not confirmed because confirming was switched off: still on the device.</summary>
    VerifiedNotConfirmed = 5,

    /// <summary>The device refused the confirm (for example a hash mismatch): still on the device.</summary>
    ConfirmRefused = 4,
}
