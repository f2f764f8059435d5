namespace Bodycam.Firmware.Dock;

/// <summary>The dock service's budget and timings (docs/dock-protocol.md gives the defaults' reasons).</summary>
public sealed class DockServiceOptions
{
    /// <summary>Gets or sets the largest request payload accepted (the receive buffer). Default 8 KiB.</summary>
    public int MaxRequestPayload { get; set; } = 8192;

    /// <summary>
    /// Gets or sets the largest response payload sent (the transmit buffer, one array). Default 512 KiB: a range read
    /// then carries 512 KiB - 16 bytes, so a host waits once per 512 KiB instead of once per 64 KiB (docs/performance.md,
    /// "Dock"); the buffer stays below nanoFramework's largest object on a 32-bit board (about 786 KB) and is sized
    /// against the P4's PSRAM in hardware-notes.md ("Managed heap").
    /// </summary>
    public int MaxResponsePayload { get; set; } = DefaultMaxResponsePayload;

    /// <summary>The default of <see cref="MaxResponsePayload"/>: 512 KiB.</summary>
    public const int DefaultMaxResponsePayload = 524288;

    /// <summary>Gets or sets how long a session lasts after authentication. Default 10 minutes.</summary>
    public long SessionLifetimeMilliseconds { get; set; } = 600000;

    /// <summary>Gets or sets how long a challenge may be answered. Default 30 s.</summary>
    public long ChallengeLifetimeMilliseconds { get; set; } = 30000;

    /// <summary>Gets or sets after how long a partial frame is given up. Default 2 s.</summary>
    public long FrameTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Gets or sets how many failed answers are allowed before challenges are rate-limited. Default 3.</summary>
    public int FreeAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first back-off after the free attempts (doubling per failure, at most 64x). Default 1 s.</summary>
    public long BackoffMilliseconds { get; set; } = 1000;

    /// <summary>Gets or sets the least time between two authentication-failure audit entries (others are counted). Default 1 s.</summary>
    public long AuditQuietMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Gets or sets the earliest time SetClock accepts (UTC ms). Default 2026-01-01T00:00:00Z, the floor of this
    /// firmware's release: a device cannot have been built, let alone used, before it.
    /// </summary>
    public long EarliestClockUnixMilliseconds { get; set; } = 1767225600000;

    /// <summary>
    /// Gets or sets how far a dock-key session may move the clock in total (ms, the sum of the absolute changes).
    /// Default 5 minutes: a dock keeps a set clock in step; larger changes and setting an unset clock need the
    /// authority key.
    /// </summary>
    public long DockKeyClockBoundMilliseconds { get; set; } = 300000;

    /// <summary>Gets or sets the chunk in which files are hashed for a confirm. Default 16 KiB.</summary>
    public int HashChunkBytes { get; set; } = 16384;
}
