namespace Bodycam.Firmware.Audit;

/// <summary>Raw read access to the audit trail's bytes, for the dock (the host verifies them, docs/audit-trail.md).</summary>
public interface IAuditTrailReader
{
    /// <summary>Gets the length of the trail in bytes.</summary>
    long Length { get; }

    /// <summary>Reads bytes of the trail.</summary>
    /// <param name="position">Position in the trail.</param>
    /// <param name="buffer">Destination.</param>
    /// <param name="offset">First byte of the destination.</param>
    /// <param name="count">Maximum number of bytes.</param>
    /// <returns>Bytes read; 0 at the end.</returns>
    int Read(long position, byte[] buffer, int offset, int count);
}
