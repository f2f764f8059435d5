namespace Bodycam.Firmware.Configuration;

/// <summary>
/// Where a configuration pushed over the dock goes after its authority signature and sequence number were checked
/// (the device core's configuration on the device).
/// </summary>
public interface IDockConfigurationSink
{
    /// <summary>Gets the sequence number of the configuration in force (0 for the factory defaults).</summary>
    long AppliedSequence { get; }

    /// <summary>Validates and applies a configuration document.</summary>
    /// <param name="sequence">Its sequence number, greater than <see cref="AppliedSequence"/>.</param>
    /// <param name="document">Source buffer.</param>
    /// <param name="offset">First byte of the document.</param>
    /// <param name="count">Length of the document.</param>
    /// <returns>False when the document is invalid (nothing was changed).</returns>
    bool TryApply(long sequence, byte[] document, int offset, int count);
}
