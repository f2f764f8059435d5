using System;
using System.Device.Gpio;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Board;

/// <summary>
/// Connects the record button's GPIO pin to the <see cref="DeviceCore"/>. The button closes to ground and the pin
/// uses the internal pull-up, so the pin reads low while pressed (hardware-notes.md, pin map). Edges arrive on the
/// GPIO driver's thread; the adapter only stamps them with the <see cref="IClock"/> time and queues them into the
/// core, which debounces in software (the .NET IoT pin has no debounce). Written against the API that
/// nanoFramework.System.Device.Gpio and the .NET IoT System.Device.Gpio package share, so the same source serves the
/// device and the emulator. The caller owns the controller; <see cref="Dispose"/> unregisters and closes the pin.
/// </summary>
public sealed class RecordButtonGpio : IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly DeviceCore _core;
    private readonly IClock _clock;
    private readonly PinChangeEventHandler _handler;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="RecordButtonGpio"/> class: opens and configures the pin.</summary>
    /// <param name="controller">The GPIO controller (owned by the caller).</param>
    /// <param name="pinNumber">The button's pin.</param>
    /// <param name="core">The device core to queue edges into.</param>
    /// <param name="clock">The clock that stamps the edges (the core's clock).</param>
    public RecordButtonGpio(GpioController controller, int pinNumber, DeviceCore core, IClock clock)
    {
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        _core = core ?? throw new ArgumentNullException(nameof(core));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _pin = pinNumber;
        _handler = OnPinValueChanged;
        _controller.OpenPin(_pin);
        _controller.SetPinMode(_pin, PinMode.InputPullUp);
        _controller.RegisterCallbackForPinValueChangedEvent(
            _pin,
            PinEventTypes.Falling | PinEventTypes.Rising,
            _handler);
    }

    /// <summary>Gets the pin number.</summary>
    public int PinNumber => _pin;

    /// <summary>Reads the button now (for <see cref="DeviceCore.Boot"/>'s held-at-boot check).</summary>
    /// <returns>True when the button is down (pin low).</returns>
    public bool ReadPressed()
    {
        return _controller.Read(_pin) == PinValue.Low;
    }

    /// <summary>Unregisters the callback and closes the pin.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, _handler);
        _controller.ClosePin(_pin);
    }

    private void OnPinValueChanged(object sender, PinValueChangedEventArgs e)
    {
        // Active low: a falling edge is a press.
        _core.EnqueueButtonEdge(e.ChangeType == PinEventTypes.Falling, _clock.ReadMilliseconds());
    }
}
