namespace Bodycam.Sdk.Offload;

/// <summary>The outcome of verifying an offloaded recording.</summary>
/// <param name="Verified">True when the recording may be confirmed.</param>
/// <param name="Detail">What was found, for people.</param>
public sealed record RecordingCheck(bool Verified, string Detail);
