using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// A linear battery model: the charge drains per simulated hour, faster while the camera is recording, and charges
/// while docked. Tests set <see cref="Percent"/> directly to inject a level.
/// </summary>
public sealed class SimulatedBattery : IBattery
{
    private readonly VirtualClock _clock;
    private double _percent;
    private long _lastUpdate;

    /// <summary>Creates a full battery.</summary>
    /// <param name="clock">The simulated clock the drain follows.</param>
    public SimulatedBattery(VirtualClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Reset();
    }

    /// <summary>Drain in percent per hour while buffering (standby). A 12 h shift on one charge is the design goal.</summary>
    public double StandbyDrainPercentPerHour { get; set; } = 6.0;

    /// <summary>Drain in percent per hour while recording.</summary>
    public double RecordingDrainPercentPerHour { get; set; } = 12.0;

    /// <summary>Charge in percent per hour while docked.</summary>
    public double ChargePercentPerHour { get; set; } = 50.0;

    /// <summary>Whether the load is the recording load.</summary>
    public bool Recording
    {
        get => _recording;
        set
        {
            Update();
            _recording = value;
        }
    }

    /// <summary>Whether the battery is charging in the dock.</summary>
    public bool Charging
    {
        get => _charging;
        set
        {
            Update();
            _charging = value;
        }
    }

    /// <summary>The charge in percent (0..100); setting it injects a level at the current simulated time.</summary>
    public double Percent
    {
        get
        {
            Update();
            return _percent;
        }

        set
        {
            if (value < 0 || value > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "A battery level is 0..100 percent.");
            }

            _lastUpdate = _clock.Now;
            _percent = value;
        }
    }

    private bool _recording;
    private bool _charging;

    /// <inheritdoc />
    public int ReadPercent()
    {
        return (int)Math.Floor(Percent);
    }

    /// <summary>Fills the battery and returns to the standby load.</summary>
    public void Reset()
    {
        _percent = 100;
        _lastUpdate = _clock.Now;
        _recording = false;
        _charging = false;
    }

    private void Update()
    {
        long elapsed = _clock.Now - _lastUpdate;
        if (elapsed <= 0)
        {
            return;
        }

        double hours = elapsed / 3_600_000.0;
        double rate = _charging ? ChargePercentPerHour : -(_recording ? RecordingDrainPercentPerHour : StandbyDrainPercentPerHour);
        _percent = Math.Clamp(_percent + (rate * hours), 0, 100);
        _lastUpdate = _clock.Now;
    }
}
