namespace Bodycam.Firmware.Hal;

/// <summary>The battery gauge.</summary>
public interface IBattery
{
    /// <summary>Reads the state of charge.</summary>
    /// <returns>Percent, 0 to 100.</returns>
    int ReadPercent();
}
