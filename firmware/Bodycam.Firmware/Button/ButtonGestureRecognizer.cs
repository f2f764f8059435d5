using System;
using Bodycam.Firmware.Configuration;

namespace Bodycam.Firmware.Button;

/// <summary>
/// Turns raw, bouncing pin edges into gestures, in software (the .NET IoT GPIO pin has no debounce) and against the
/// injected clock only: the caller feeds timestamped edges with <see cref="OnEdge"/> and moves time on with
/// <see cref="Advance"/>; timed outcomes (debounce settling, the end of the double-press window, the stop hold,
/// the stuck limit) fire from there, in time order. <see cref="NextDeadlineMilliseconds"/> says when the next one is due.
/// <para>
/// Rules: a level counts once it has been stable for the debounce time, and is dated at the edge that began it.
/// A tap (press and release within the double-press window) not followed by a second press within the window is a
/// <see cref="ButtonGesture.SinglePress"/>; a second press starting within the window is a
/// <see cref="ButtonGesture.DoublePress"/> (its own hold does not count as a stop hold, so starting never stops).
/// A press held for the stop-hold time is a <see cref="ButtonGesture.Hold"/>; a press released after the window but
/// before the hold is abandoned and means nothing. A press held beyond the stuck limit is
/// <see cref="ButtonGesture.Stuck"/>, its release <see cref="ButtonGesture.StuckReleased"/>. A button held at boot is
/// ignored until released (it may still be reported stuck).
/// </para>
/// </summary>
public sealed class ButtonGestureRecognizer
{
    private readonly long _debounce;
    private readonly long _window;
    private readonly long _hold;
    private readonly long _stuck;

    private bool _rawPressed;
    private long _rawChangedAt;
    private long _departureAt;
    private long _lastReturnAt;
    private bool _pressed;
    private long _pressStart;
    private long _firstPressAt;
    private bool _tapPending;
    private bool _holdArmed;
    private bool _holdFired;
    private bool _stuckFired;
    private bool _isSecondPress;
    private bool _ignoreUntilRelease;
    private long _now;

    /// <summary>Initializes a new instance of the <see cref="ButtonGestureRecognizer"/> class.</summary>
    /// <param name="configuration">The timings (validated).</param>
    public ButtonGestureRecognizer(DeviceConfiguration configuration)
    {
        if (configuration == null)
        {
            throw new ArgumentNullException("configuration");
        }

        configuration.Validate();
        _debounce = configuration.DebounceMilliseconds;
        _window = configuration.DoublePressWindowMilliseconds;
        _hold = configuration.StopHoldMilliseconds;
        _stuck = configuration.StuckButtonMilliseconds;
    }

    /// <summary>Raised for each recognised gesture, from within <see cref="OnEdge"/> or <see cref="Advance"/>.</summary>
    public event ButtonGestureEventHandler? Gesture;

    /// <summary>Gets a value indicating whether the debounced button is down.</summary>
    public bool IsPressed => _pressed;

    /// <summary>Gets a value indicating whether the button is being ignored until released (held at boot).</summary>
    public bool IsIgnoringUntilRelease => _ignoreUntilRelease;

    /// <summary>
    /// Gets the earliest time at which <see cref="Advance"/> has something to do; long.MaxValue if none. A single press is
    /// reported at the end of the window plus the debounce time, so a second press that began inside the window but
    /// settles after it still makes a double press.
    /// </summary>
    public long NextDeadlineMilliseconds
    {
        get
        {
            long next = long.MaxValue;
            if (_rawPressed != _pressed)
            {
                next = _rawChangedAt + _debounce;
            }

            if (_tapPending)
            {
                next = Min(next, _firstPressAt + _window + _debounce);
            }

            // While a release is settling, the hold and stuck limits wait: a release begun before the limit wins.
            if (_pressed && _rawPressed)
            {
                if (_holdArmed && !_holdFired)
                {
                    next = Min(next, _pressStart + _hold);
                }

                if (!_stuckFired)
                {
                    next = Min(next, _pressStart + _stuck);
                }
            }

            return next;
        }
    }

    /// <summary>Starts recognition at boot.</summary>
    /// <param name="heldAtBoot">Whether the button was down at boot (it is then ignored until released).</param>
    /// <param name="nowMilliseconds">The boot time.</param>
    public void Reset(bool heldAtBoot, long nowMilliseconds)
    {
        _now = nowMilliseconds;
        _rawPressed = heldAtBoot;
        _pressed = heldAtBoot;
        _rawChangedAt = nowMilliseconds;
        _departureAt = nowMilliseconds;
        _lastReturnAt = long.MinValue / 2;
        _pressStart = nowMilliseconds;
        _tapPending = false;
        _holdArmed = false;
        _holdFired = false;
        _stuckFired = false;
        _isSecondPress = false;
        _ignoreUntilRelease = heldAtBoot;
    }

    /// <summary>Feeds a raw pin edge (bounces included). Timed outcomes due before it fire first.</summary>
    /// <param name="pressed">The new raw level: true when the button is down.</param>
    /// <param name="timestampMilliseconds">When the edge happened; an edge older than the last one is taken as now.</param>
    public void OnEdge(bool pressed, long timestampMilliseconds)
    {
        Advance(timestampMilliseconds);
        if (pressed == _rawPressed)
        {
            // A repeated level means a missed edge in between; the level is what it was, nothing changes.
            return;
        }

        _rawPressed = pressed;
        _rawChangedAt = _now;
        if (pressed != _pressed)
        {
            // Leaving the settled level. Within a bounce burst (the level came back less than the debounce time
            // ago) the change keeps the date of the burst's first edge, so gestures are timed from the real press.
            if (_now - _lastReturnAt >= _debounce)
            {
                _departureAt = _now;
            }
        }
        else
        {
            _lastReturnAt = _now;
        }

        // With no debounce the level counts at once.
        Advance(_now);
    }

    /// <summary>Moves time on, firing every timed outcome due at or before the time, in order.</summary>
    /// <param name="nowMilliseconds">The current time; earlier values are ignored.</param>
    public void Advance(long nowMilliseconds)
    {
        if (nowMilliseconds > _now)
        {
            _now = nowMilliseconds;
        }

        while (true)
        {
            long due = NextDeadlineMilliseconds;
            if (due > _now)
            {
                return;
            }

            Fire(due);
        }
    }

    private static long Min(long a, long b)
    {
        return a < b ? a : b;
    }

    private void Fire(long due)
    {
        // The same order as NextDeadlineMilliseconds picks them: debounce first so a settled edge is seen before
        // the window or hold it affects.
        if (_rawPressed != _pressed && _rawChangedAt + _debounce == due)
        {
            if (_rawPressed)
            {
                OnPressed(_departureAt);
            }
            else
            {
                OnReleased(_departureAt);
            }

            return;
        }

        if (_tapPending && _firstPressAt + _window + _debounce == due)
        {
            _tapPending = false;
            Raise(ButtonGesture.SinglePress, _firstPressAt);
            return;
        }

        if (_pressed && _rawPressed && _holdArmed && !_holdFired && _pressStart + _hold == due)
        {
            _holdFired = true;
            Raise(ButtonGesture.Hold, due);
            return;
        }

        if (_pressed && _rawPressed && !_stuckFired && _pressStart + _stuck == due)
        {
            _stuckFired = true;
            Raise(ButtonGesture.Stuck, due);
            return;
        }

        throw new InvalidOperationException("No gesture deadline matches.");
    }

    private void OnPressed(long at)
    {
        _pressed = true;
        _pressStart = at;
        _holdFired = false;
        _stuckFired = false;
        if (_tapPending && at - _firstPressAt <= _window)
        {
            _tapPending = false;
            _isSecondPress = true;
            _holdArmed = false;
            Raise(ButtonGesture.DoublePress, at);
            return;
        }

        _tapPending = false;
        _isSecondPress = false;
        _holdArmed = true;
        _firstPressAt = at;
    }

    private void OnReleased(long at)
    {
        _pressed = false;
        bool wasStuck = _stuckFired;
        bool counts = !_ignoreUntilRelease && !_isSecondPress && !_holdFired && !_stuckFired;
        _ignoreUntilRelease = false;
        _holdArmed = false;
        _stuckFired = false;
        _isSecondPress = false;
        if (wasStuck)
        {
            Raise(ButtonGesture.StuckReleased, at);
        }

        if (counts && at - _firstPressAt <= _window)
        {
            _tapPending = true;
        }
    }

    private void Raise(ButtonGesture gesture, long at)
    {
        ButtonGestureEventHandler? handler = Gesture;
        if (handler != null)
        {
            handler(gesture, at);
        }
    }
}
