using System;

namespace Bodycam.Sdk.Dock;

/// <summary>Timeouts, retries and read pipelining of a <see cref="DockClient"/>.</summary>
public sealed class DockClientOptions
{
    /// <summary>Gets or sets how long to wait for an answer. Default 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often a read-only request is sent again after a timeout. Default 2.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>
    /// Gets or sets how many range reads are in flight during a download. Default 16 (1 MiB of answers at the default
    /// 64 KiB; more answers queued means fewer stalls of the link between them). The window is refilled in batches
    /// once half of it has been answered.
    /// </summary>
    public int ReadWindow { get; set; } = 16;

    /// <summary>Gets or sets the largest range read (0: as much as the device sends in one frame).</summary>
    public int ReadChunkBytes { get; set; }

    /// <summary>
    /// Gets or sets the largest audit trail the client accepts. Default 64 MiB (a trail records evidence events only,
    /// a few hundred bytes each); a device announcing or sending more is treated as malformed, so a faulty or hostile
    /// device cannot make the host grow a buffer without bound.
    /// </summary>
    public long MaxAuditTrailBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Gets or sets the device's pinned Ed25519 public key (32 bytes, from the device registry written at
    /// provisioning: docs/device-registry.md). When set, <see cref="DockClient.AuthenticateAsync"/> fails with
    /// <see cref="DockConnectionFailure.DeviceNotAuthentic"/> unless the device proves possession of exactly this key.
    /// When not set, the device still proves possession of the key it presents (trust on first use). A value that is
    /// not 32 bytes (an empty one from a null array, for instance) is refused by the client's constructor, so a
    /// forgotten key never turns into an absent pin.
    /// </summary>
    public ReadOnlyMemory<byte>? ExpectedDeviceKey { get; set; }
}
