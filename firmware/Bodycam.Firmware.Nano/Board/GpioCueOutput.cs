using System;
using System.Device.Gpio;
using System.Device.Pwm;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Board;

/// <summary>
/// Drives the recording LED, the bi-colour status LED, the piezo buzzer and the vibration motor
/// (hardware-notes.md, "Pin map"). The core says what to show; this class turns patterns and cues into pin levels when
/// the board loop calls <see cref="Update"/> with the monotonic time, so it needs no timer or thread of its own.
/// A cue is a fixed list of steps (duration, tone on/off, motor on/off); a new cue replaces the one playing.
/// </summary>
public sealed class GpioCueOutput : ICueOutput, IDisposable
{
    // Steps: { duration ms, tone (0/1), vibration (0/1) }, flattened. Tones are on/off of one resonant frequency (the
    // piezo is loud only near it); cues differ by rhythm. Stop = one long tone with vibration (a 3 s hold
    // is confirmed by a long tone and vibration, DeviceConfiguration.StopHoldMilliseconds); start = two short tones
    // with a buzz; five beeps = clock not set (DeviceConfiguration.ClockNotSetCueIntervalMilliseconds).
    private static readonly int[] s_started = { 120, 1, 1, 80, 0, 1, 120, 1, 1 };
    private static readonly int[] s_stopped = { 800, 1, 1 };
    private static readonly int[] s_marker = { 80, 1, 1 };
    private static readonly int[] s_reminder = { 60, 1, 0, 60, 0, 0, 150, 0, 1 };
    private static readonly int[] s_storageFull = { 150, 1, 0, 100, 0, 0, 150, 1, 0, 100, 0, 0, 150, 1, 1 };
    private static readonly int[] s_clockNotSet = { 80, 1, 0, 80, 0, 0, 80, 1, 0, 80, 0, 0, 80, 1, 0, 80, 0, 0, 80, 1, 0, 80, 0, 0, 80, 1, 0 };
    private static readonly int[] s_fault = { 400, 1, 1, 150, 0, 0, 120, 1, 0, 150, 0, 0, 400, 1, 1 };
    private static readonly int[] s_refused = { 60, 1, 1, 60, 0, 0, 60, 1, 1, 60, 0, 0, 60, 1, 1 };
    private static readonly int[] s_ready = { 60, 1, 0 };

    private readonly GpioController _gpio;
    private readonly PwmChannel _buzzer;
    private LedPattern _recordingPattern = LedPattern.Off;
    private LedPattern _statusPattern = LedPattern.Off;
    private int[]? _cue;
    private int _cueStep;
    private long _cueStepEnds;
    private bool _cueStepPending;

    /// <summary>Initializes a new instance of the <see cref="GpioCueOutput"/> class: opens the pins as outputs, all off.</summary>
    /// <param name="gpio">The GPIO controller (owned by the caller).</param>
    /// <param name="buzzer">The buzzer's PWM channel, created at the buzzer's frequency with duty 0 (owned here).</param>
    public GpioCueOutput(GpioController gpio, PwmChannel buzzer)
    {
        _gpio = gpio ?? throw new ArgumentNullException(nameof(gpio));
        _buzzer = buzzer ?? throw new ArgumentNullException(nameof(buzzer));
        OpenOutput(BoardPins.RecordingLed);
        OpenOutput(BoardPins.StatusLedGreen);
        OpenOutput(BoardPins.StatusLedRed);
        OpenOutput(BoardPins.VibrationMotor);
        _buzzer.DutyCycle = 0f;
        _buzzer.Start();
    }

    /// <inheritdoc/>
    public void SetLed(Led led, LedPattern pattern)
    {
        if (led == Led.Recording)
        {
            _recordingPattern = pattern;
        }
        else
        {
            _statusPattern = pattern;
        }
    }

    /// <inheritdoc/>
    public void Play(Cue cue)
    {
        _cue = StepsOf(cue);
        _cueStep = 0;
        _cueStepPending = true;
    }

    /// <summary>Sets every pin for time <paramref name="nowMilliseconds"/>; the board loop calls this every pass.</summary>
    /// <param name="nowMilliseconds">The monotonic time.</param>
    public void Update(long nowMilliseconds)
    {
        _gpio.Write(BoardPins.RecordingLed, IsLit(_recordingPattern, nowMilliseconds) ? PinValue.High : PinValue.Low);

        // The status LED is bi-colour: green alone, or green and red together for amber.
        bool statusOn = IsLit(_statusPattern, nowMilliseconds);
        bool amber = _statusPattern == LedPattern.Amber || _statusPattern == LedPattern.AmberBlink;
        _gpio.Write(BoardPins.StatusLedGreen, statusOn ? PinValue.High : PinValue.Low);
        _gpio.Write(BoardPins.StatusLedRed, statusOn && amber ? PinValue.High : PinValue.Low);

        UpdateCue(nowMilliseconds);
    }

    /// <summary>Gets the time of the next pin change this class needs, so the loop can sleep until then.</summary>
    /// <param name="nowMilliseconds">The monotonic time.</param>
    /// <returns>The next time <see cref="Update"/> must run.</returns>
    public long NextChangeMilliseconds(long nowMilliseconds)
    {
        if (_cue != null)
        {
            return _cueStepPending ? nowMilliseconds : _cueStepEnds;
        }

        // Blink patterns change at most every 50 ms (the breathing pulse); steady ones never.
        return IsSteady(_recordingPattern) && IsSteady(_statusPattern) ? long.MaxValue : nowMilliseconds + 50;
    }

    /// <summary>Switches everything off and stops the buzzer's PWM.</summary>
    public void Dispose()
    {
        _buzzer.Stop();
        _buzzer.Dispose();
        _gpio.Write(BoardPins.RecordingLed, PinValue.Low);
        _gpio.Write(BoardPins.StatusLedGreen, PinValue.Low);
        _gpio.Write(BoardPins.StatusLedRed, PinValue.Low);
        _gpio.Write(BoardPins.VibrationMotor, PinValue.Low);
    }

    private void UpdateCue(long now)
    {
        if (_cue == null)
        {
            return;
        }

        if (!_cueStepPending && now < _cueStepEnds)
        {
            return;
        }

        if (!_cueStepPending)
        {
            _cueStep++;
        }

        _cueStepPending = false;
        if (_cueStep * 3 >= _cue.Length)
        {
            _cue = null;
            _buzzer.DutyCycle = 0f;
            _gpio.Write(BoardPins.VibrationMotor, PinValue.Low);
            return;
        }

        int at = _cueStep * 3;
        _cueStepEnds = now + _cue[at];
        _buzzer.DutyCycle = _cue[at + 1] != 0 ? 0.5f : 0f;
        _gpio.Write(BoardPins.VibrationMotor, _cue[at + 2] != 0 ? PinValue.High : PinValue.Low);
    }

    private static bool IsLit(LedPattern pattern, long now)
    {
        switch (pattern)
        {
            case LedPattern.On:
            case LedPattern.Amber:
                return true;
            case LedPattern.BlinkSlow:
            case LedPattern.AmberBlink:
                return now % 1000 < 500;
            case LedPattern.BlinkFast:
                return now % 250 < 125;
            case LedPattern.Breathe:
                // Without PWM on the LED a breathing pulse is a short flash every 2 s: visible, not distracting.
                return now % 2000 < 100;
            default:
                return false;
        }
    }

    private static bool IsSteady(LedPattern pattern)
    {
        return pattern == LedPattern.Off || pattern == LedPattern.On || pattern == LedPattern.Amber;
    }

    private static int[] StepsOf(Cue cue)
    {
        switch (cue)
        {
            case Cue.RecordingStarted:
                return s_started;
            case Cue.RecordingStopped:
                return s_stopped;
            case Cue.Marker:
                return s_marker;
            case Cue.Reminder:
                return s_reminder;
            case Cue.StorageFull:
                return s_storageFull;
            case Cue.ClockNotSet:
                return s_clockNotSet;
            case Cue.Fault:
                return s_fault;
            case Cue.Refused:
                return s_refused;
            default:
                return s_ready;
        }
    }

    private void OpenOutput(int pin)
    {
        _gpio.OpenPin(pin, PinMode.Output);
        _gpio.Write(pin, PinValue.Low);
    }
}
