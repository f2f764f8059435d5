using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>A battery gauge whose charge the checks set.</summary>
public sealed class StubBattery : IBattery
{
    /// <summary>Gets or sets the charge in percent (default 80).</summary>
    public int Percent { get; set; } = 80;

    /// <inheritdoc/>
    public int ReadPercent()
    {
        return Percent;
    }
}
