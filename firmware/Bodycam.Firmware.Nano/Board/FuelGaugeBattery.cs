using System;
using System.Device.I2c;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Board;

/// <summary>
/// The battery gauge: a MAX17048 on I2C (address 0x36). Its SOC register (0x04) holds the state of charge with
/// 1/256 % resolution, high byte in whole percent (MAX17048 datasheet, "Register Summary", SOC). A failed transfer
/// keeps the last good reading and is counted: a flaky gauge must not stop a recording by reading as empty, and the
/// core's own battery-critical path needs a plausible number.
/// </summary>
public sealed class FuelGaugeBattery : IBattery, IDisposable
{
    /// <summary>The MAX17048's fixed 7-bit I2C address.</summary>
    public const int Address = 0x36;

    private const byte SocRegister = 0x04;

    private readonly I2cDevice _device;
    private readonly byte[] _write = new byte[] { SocRegister };
    private readonly byte[] _read = new byte[2];
    private int _lastPercent = 100;

    /// <summary>Initializes a new instance of the <see cref="FuelGaugeBattery"/> class on <paramref name="busId"/>.</summary>
    /// <param name="busId">The I2C bus number.</param>
    public FuelGaugeBattery(int busId)
    {
        _device = I2cDevice.Create(new I2cConnectionSettings(busId, Address));
    }

    /// <summary>Gets the number of failed reads since construction.</summary>
    public int FailedReadCount { get; private set; }

    /// <inheritdoc/>
    public int ReadPercent()
    {
        I2cTransferResult result = _device.WriteRead(_write, _read);
        if (result.Status != I2cTransferStatus.FullTransfer)
        {
            FailedReadCount++;
            return _lastPercent;
        }

        // The gauge may report slightly above 100 % right after charging.
        int percent = _read[0];
        _lastPercent = percent > 100 ? 100 : percent;
        return _lastPercent;
    }

    /// <summary>Releases the I2C device.</summary>
    public void Dispose()
    {
        _device.Dispose();
    }
}
