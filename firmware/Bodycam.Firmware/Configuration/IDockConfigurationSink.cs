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

    /// <summary>Reads back the stored document (the one in force from the next boot).</summary>
    /// <param name="destination">Where the document goes.</param>
    /// <param name="offset">First byte of the destination.</param>
    /// <param name="capacity">Room in the destination.</param>
    /// <param name="length">The document's length (0 when none is stored).</param>
    /// <returns>The stored document's sequence, or 0 when only the factory defaults exist.</returns>
    long ReadStored(byte[] destination, int offset, int capacity, out int length);
}
