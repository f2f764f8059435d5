using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>The monotonic clock the checks move by hand.</summary>
public sealed class ManualClock : IClock
{
    /// <summary>Gets or sets the time in milliseconds.</summary>
    public long Now { get; set; }

    /// <inheritdoc/>
    public long ReadMilliseconds()
    {
        return Now;
    }
}
