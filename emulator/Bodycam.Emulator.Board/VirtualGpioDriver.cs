using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace Bodycam.Emulator.Board;

/// <summary>
/// A simulated GPIO chip behind the real <see cref="GpioController"/>: tests and the emulator set input levels with
/// <see cref="SetInputValue"/>, and the driver raises the registered pin-change callbacks the way a real driver's
/// interrupt path does (synchronously, on the thread that changed the level). Outputs written through the controller
/// can be read back with <see cref="GetPinValue"/>.
/// </summary>
public sealed class VirtualGpioDriver : GpioDriver
{
    private readonly object _sync = new object();
    private readonly Dictionary<int, VirtualPin> _pins = new Dictionary<int, VirtualPin>();
    private readonly int _pinCount;

    /// <summary>Initializes a new instance of the <see cref="VirtualGpioDriver"/> class.</summary>
    /// <param name="pinCount">Number of pins the chip has (pins 0 to pinCount - 1).</param>
    public VirtualGpioDriver(int pinCount = 64)
    {
        if (pinCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pinCount), pinCount, "A chip needs at least one pin.");
        }

        _pinCount = pinCount;
    }

    /// <summary>Gets the number of pin-change callbacks raised so far (all pins).</summary>
    public int CallbacksRaised { get; private set; }

    /// <inheritdoc/>
    protected override int PinCount => _pinCount;

    /// <summary>
    /// Sets the level an external circuit drives onto a pin (a button, a dock-detect line). Works whether or not the
    /// pin is open, like a real wire; raises the registered callbacks of an open pin when the level changes.
    /// </summary>
    /// <param name="pinNumber">The pin.</param>
    /// <param name="value">The level.</param>
    public void SetInputValue(int pinNumber, PinValue value)
    {
        CheckPin(pinNumber);
        PinChangeEventHandler[] handlers;
        PinEventTypes change;
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            pin.ExternalDriven = true;
            if (pin.Value == value)
            {
                return;
            }

            pin.Value = value;
            if (!pin.IsOpen)
            {
                return;
            }

            change = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = pin.HandlersFor(change);
            CallbacksRaised += handlers.Length;
        }

        // Raised outside the lock so a handler may call back into the controller (Read, for example).
        var args = new PinValueChangedEventArgs(change, pinNumber);
        foreach (PinChangeEventHandler handler in handlers)
        {
            handler(this, args);
        }
    }

    /// <summary>Reads the current level of a pin (an output written by the controller, or an input's level).</summary>
    /// <param name="pinNumber">The pin.</param>
    /// <returns>The level.</returns>
    public PinValue GetPinValue(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            return GetOrAdd(pinNumber).Value;
        }
    }

    /// <summary>Tells whether a pin is open.</summary>
    /// <param name="pinNumber">The pin.</param>
    /// <returns>True when the controller opened it and has not closed it.</returns>
    public bool IsOpen(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            return _pins.TryGetValue(pinNumber, out VirtualPin? pin) && pin.IsOpen;
        }
    }

    /// <summary>Returns the chip to its power-on state: all pins closed, no callbacks, inputs floating.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _pins.Clear();
            CallbacksRaised = 0;
        }
    }

    /// <inheritdoc/>
    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            GetOrAdd(pinNumber).IsOpen = true;
        }
    }

    /// <inheritdoc/>
    protected override void ClosePin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            pin.IsOpen = false;
            pin.Rising.Clear();
            pin.Falling.Clear();
        }
    }

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            pin.Mode = mode;
            if (!pin.ExternalDriven)
            {
                // A floating input settles at its pull resistor's level.
                if (mode == PinMode.InputPullUp)
                {
                    pin.Value = PinValue.High;
                }
                else if (mode == PinMode.InputPullDown)
                {
                    pin.Value = PinValue.Low;
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override PinMode GetPinMode(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            return GetOrAdd(pinNumber).Mode;
        }
    }

    /// <inheritdoc/>
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        return mode == PinMode.Input || mode == PinMode.Output || mode == PinMode.InputPullUp
            || mode == PinMode.InputPullDown;
    }

    /// <inheritdoc/>
    protected override PinValue Read(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            return GetOrAdd(pinNumber).Value;
        }
    }

    /// <inheritdoc/>
    protected override void Write(int pinNumber, PinValue value)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            if (pin.Mode == PinMode.Output)
            {
                pin.Value = value;
            }
        }
    }

    /// <inheritdoc/>
    protected override WaitForEventResult WaitForEvent(
        int pinNumber,
        PinEventTypes eventTypes,
        CancellationToken cancellationToken)
    {
        // Blocking waits would tie the simulation to wall-clock time; the virtual chip supports callbacks only.
        throw new NotSupportedException("The virtual GPIO driver delivers edges through callbacks only.");
    }

    /// <inheritdoc/>
    protected override void AddCallbackForPinValueChangedEvent(
        int pinNumber,
        PinEventTypes eventTypes,
        PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            if ((eventTypes & PinEventTypes.Rising) != 0)
            {
                pin.Rising.Add(callback);
            }

            if ((eventTypes & PinEventTypes.Falling) != 0)
            {
                pin.Falling.Add(callback);
            }
        }
    }

    /// <inheritdoc/>
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            VirtualPin pin = GetOrAdd(pinNumber);
            pin.Rising.Remove(callback);
            pin.Falling.Remove(callback);
        }
    }

    private void CheckPin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, "No such pin on the virtual chip.");
        }
    }

    private VirtualPin GetOrAdd(int pinNumber)
    {
        if (!_pins.TryGetValue(pinNumber, out VirtualPin? pin))
        {
            pin = new VirtualPin();
            _pins.Add(pinNumber, pin);
        }

        return pin;
    }

    private sealed class VirtualPin
    {
        public bool IsOpen { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Value { get; set; } = PinValue.Low;

        public bool ExternalDriven { get; set; }

        public List<PinChangeEventHandler> Rising { get; } = new List<PinChangeEventHandler>();

        public List<PinChangeEventHandler> Falling { get; } = new List<PinChangeEventHandler>();

        public PinChangeEventHandler[] HandlersFor(PinEventTypes change)
        {
            return change == PinEventTypes.Rising ? Rising.ToArray() : Falling.ToArray();
        }
    }
}
