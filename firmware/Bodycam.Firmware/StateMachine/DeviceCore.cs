using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Button;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Cues;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.PreRecord;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.StateMachine;

/// <summary>
/// The camera's recording state machine: record button gestures, the pre-record ring, cues and LEDs, faults
/// (docs/state-machine.md has the transition table). Single-threaded and clock-driven: the board calls
/// <see cref="OnFrame"/> for every encoded frame and <see cref="Poll"/> in its loop; GPIO callbacks on other threads
/// only queue inputs with <see cref="EnqueueButtonEdge"/> and <see cref="EnqueueDockDetect"/>. All time comes from
/// the injected <see cref="IClock"/>; <see cref="NextDeadlineMilliseconds"/> tells a simulator how far it may jump.
/// </summary>
public sealed partial class DeviceCore
{
    private const int InputQueueCapacity = 256;

    private readonly DeviceConfiguration _configuration;
    private readonly IClock _clock;
    private readonly IRealTimeClock _realTimeClock;
    private readonly IBattery _battery;
    private readonly ICamera _camera;
    private readonly ICueOutput _cues;
    private readonly IRecordingSink _recordings;
    private readonly IAuditLog _audit;
    private readonly IProvisioning _provisioning;
    private readonly PreRecordBuffer _preRecord;
    private readonly ButtonGestureRecognizer _button;
    private readonly InputEventQueue _inputs;
    private readonly RepeatingCue _reminder;
    private readonly RepeatingCue _clockCue;
    private readonly RepeatingCue _faultCue;

    private DeviceState _state = DeviceState.Off;
    private FaultReason _fault = FaultReason.None;
    private FaultReason _warning = FaultReason.None;
    private bool _clockNotSet;
    private bool _docked;
    private bool _buttonStuck;
    private bool _cameraRunning;
    private bool _awaitingKeyFrame;
    private long _nextBatteryCheck = long.MaxValue;
    private long _now;
    private string _recordingId = string.Empty;
    private long _recordingStart;
    private string _faultRecordingId = string.Empty;
    private long _faultRecordingElapsed;

    /// <summary>Initializes a new instance of the <see cref="DeviceCore"/> class; allocates the pre-record arena.</summary>
    /// <param name="configuration">The settings (validated here).</param>
    /// <param name="hardware">The parts; every property must be set.</param>
    /// <exception cref="ConfigurationException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">A part is missing.</exception>
    public DeviceCore(DeviceConfiguration configuration, DeviceHardware hardware)
    {
        if (configuration == null)
        {
            throw new ArgumentNullException("configuration");
        }

        if (hardware == null)
        {
            throw new ArgumentNullException("hardware");
        }

        configuration.Validate();
        _configuration = configuration;
        _clock = hardware.Clock ?? throw new ArgumentException("DeviceHardware.Clock is not set.", "hardware");
        _realTimeClock = hardware.RealTimeClock
            ?? throw new ArgumentException("DeviceHardware.RealTimeClock is not set.", "hardware");
        _battery = hardware.Battery ?? throw new ArgumentException("DeviceHardware.Battery is not set.", "hardware");
        _camera = hardware.Camera ?? throw new ArgumentException("DeviceHardware.Camera is not set.", "hardware");
        _cues = hardware.Cues ?? throw new ArgumentException("DeviceHardware.Cues is not set.", "hardware");
        _recordings = hardware.Recordings
            ?? throw new ArgumentException("DeviceHardware.Recordings is not set.", "hardware");
        _audit = hardware.Audit ?? throw new ArgumentException("DeviceHardware.Audit is not set.", "hardware");
        _provisioning = hardware.Provisioning
            ?? throw new ArgumentException("DeviceHardware.Provisioning is not set.", "hardware");

        _preRecord = new PreRecordBuffer(
            configuration.PreRecordArenaBytes,
            configuration.PreRecordFrameCapacity,
            configuration.PreRecordWindowMilliseconds,
            configuration.PreRecordIncludesAudio);
        _button = new ButtonGestureRecognizer(configuration);
        _button.Gesture += OnGesture;
        _inputs = new InputEventQueue(InputQueueCapacity);
        _reminder = new RepeatingCue(Cue.Reminder, configuration.ReminderIntervalMilliseconds);
        _clockCue = new RepeatingCue(Cue.ClockNotSet, configuration.ClockNotSetCueIntervalMilliseconds);
        _faultCue = new RepeatingCue(Cue.Fault, configuration.FaultCueIntervalMilliseconds);
    }

    /// <summary>Raised after every state change, on the board loop's thread.</summary>
    public event DeviceStateChangedEventHandler? StateChanged;

    /// <summary>Gets the current state.</summary>
    public DeviceState State => _state;

    /// <summary>
    /// Gets why the device is in <see cref="DeviceState.Fault"/>; outside a fault, a condition signalled without
    /// blocking: <see cref="FaultReason.StorageFull"/> after a start was refused for lack of storage (until a start
    /// succeeds or the device docks), else <see cref="FaultReason.ClockNotSet"/> while the clock is not set, else
    /// <see cref="FaultReason.None"/>.
    /// </summary>
    public FaultReason Fault
    {
        get
        {
            if (_state == DeviceState.Fault)
            {
                return _fault;
            }

            if (_warning != FaultReason.None)
            {
                return _warning;
            }

            return _clockNotSet && _state != DeviceState.Off ? FaultReason.ClockNotSet : FaultReason.None;
        }
    }

    /// <summary>Gets the pre-record ring (for fill statistics).</summary>
    public PreRecordBuffer PreRecord => _preRecord;

    /// <summary>Gets the identifier of the open recording, or an empty string when not recording.</summary>
    public string CurrentRecordingId => _recordingId;

    /// <summary>Gets the configuration in use.</summary>
    public DeviceConfiguration Configuration => _configuration;

    /// <summary>Gets a value indicating whether the dock-detect line says the device is in a dock.</summary>
    public bool IsDocked => _docked;

    /// <summary>Gets a value indicating whether the real-time clock was found not set (signalled, never blocking).</summary>
    public bool IsClockNotSet => _clockNotSet;

    /// <summary>Gets a value indicating whether the record button is reported stuck.</summary>
    public bool IsButtonStuck => _buttonStuck;

    /// <summary>Gets the number of board inputs dropped because the input queue was full.</summary>
    public long DroppedInputCount => _inputs.DroppedCount;

    /// <summary>Gets the number of audit appends that failed with a storage error (the fault path reports them).</summary>
    public long AuditFailureCount { get; private set; }

    /// <summary>
    /// Gets the number of recordings that could not be closed after a storage failure (the second error is counted
    /// here, the first one is the fault); the writer's recovery closes them at the next boot.
    /// </summary>
    public long UnclosedRecordingCount { get; private set; }

    /// <summary>
    /// Gets the number of live video frames left out of a recording because no key frame had arrived yet (only when
    /// the pre-record held no key frame at the trigger; the clip must start with one to decode).
    /// </summary>
    public long FramesSkippedBeforeKeyFrame { get; private set; }

    /// <summary>
    /// Gets the earliest clock time at which <see cref="Poll"/> has timed work (gesture timeouts, the stop hold,
    /// cue repeats, the battery check), the current time when inputs or a pre-record drain are pending, and
    /// long.MaxValue when there is none (off).
    /// </summary>
    public long NextDeadlineMilliseconds
    {
        get
        {
            if (_state == DeviceState.Off)
            {
                return long.MaxValue;
            }

            if (_inputs.Count > 0 || (_state == DeviceState.Recording && _preRecord.IsDraining))
            {
                return _clock.ReadMilliseconds();
            }

            long next = _button.NextDeadlineMilliseconds;
            next = Min(next, _reminder.NextDueMilliseconds);
            next = Min(next, _clockCue.NextDueMilliseconds);
            next = Min(next, _faultCue.NextDueMilliseconds);
            if (_state != DeviceState.Docked)
            {
                next = Min(next, _nextBatteryCheck);
            }

            return next;
        }
    }

    /// <summary>
    /// Boots: checks provisioning, battery and clock, starts the camera and enters standby (or a fault, or docked).
    /// </summary>
    /// <param name="buttonHeldAtBoot">Whether the record button was down at power-on (ignored until released).</param>
    /// <exception cref="InvalidOperationException">The device is not off.</exception>
    public void Boot(bool buttonHeldAtBoot)
    {
        if (_state != DeviceState.Off)
        {
            throw new InvalidOperationException("Boot is only possible from Off.");
        }

        _now = _clock.ReadMilliseconds();
        _fault = FaultReason.None;
        _warning = FaultReason.None;
        _buttonStuck = false;
        _button.Reset(buttonHeldAtBoot, _now);
        SetState(DeviceState.Booting);
        _clockNotSet = !_realTimeClock.IsSet;
        EnterOperational(true);
    }

    /// <summary>Queues a raw edge of the record button. Thread-safe: call it from the GPIO callback.</summary>
    /// <param name="pressed">True when the button went down.</param>
    /// <param name="timestampMilliseconds">The <see cref="IClock"/> time of the edge.</param>
    public void EnqueueButtonEdge(bool pressed, long timestampMilliseconds)
    {
        _inputs.Enqueue(InputEventKind.ButtonEdge, pressed, timestampMilliseconds);
    }

    /// <summary>Queues a change of the dock-detect line. Thread-safe.</summary>
    /// <param name="docked">True when the device sits in a dock.</param>
    /// <param name="timestampMilliseconds">The <see cref="IClock"/> time of the change.</param>
    public void EnqueueDockDetect(bool docked, long timestampMilliseconds)
    {
        _inputs.Enqueue(InputEventKind.DockDetect, docked, timestampMilliseconds);
    }

    /// <summary>
    /// Takes an encoded frame from the camera (board loop). In standby it goes into the pre-record ring; while
    /// recording, to the recording (behind any pre-record still draining). No allocation.
    /// </summary>
    /// <param name="kind">Video or audio.</param>
    /// <param name="keyFrame">Whether the frame decodes on its own.</param>
    /// <param name="timestampMilliseconds">The capture time on the <see cref="IClock"/>.</param>
    /// <param name="data">Source buffer (only read during the call).</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Length.</param>
    public void OnFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        if (_state == DeviceState.Standby)
        {
            _preRecord.Push(kind, keyFrame, timestampMilliseconds, data, offset, count);
            return;
        }

        if (_state != DeviceState.Recording)
        {
            return;
        }

        try
        {
            if (_preRecord.IsDraining)
            {
                _preRecord.DrainTo(_recordings, _configuration.PreRecordDrainFramesPerCall);

                // Make room by writing rather than by evicting frames the recording still needs.
                while (_preRecord.IsDraining && !_preRecord.HasRoomFor(count))
                {
                    _preRecord.DrainTo(_recordings, 1);
                }

                if (_preRecord.IsDraining)
                {
                    _preRecord.Push(kind, keyFrame, timestampMilliseconds, data, offset, count);
                    return;
                }
            }

            if (_awaitingKeyFrame && kind == FrameKind.Video)
            {
                if (!keyFrame)
                {
                    FramesSkippedBeforeKeyFrame++;
                    return;
                }

                _awaitingKeyFrame = false;
            }

            _recordings.AppendFrame(kind, keyFrame, timestampMilliseconds, data, offset, count);
        }
        catch (StorageException ex)
        {
            OnStorageFailure(ex);
        }
    }

    /// <summary>
    /// Runs the core's timed work (board loop): handles queued inputs in order, gesture timeouts, the battery and
    /// clock checks, repeating cues, and the pre-record drain.
    /// </summary>
    public void Poll()
    {
        if (_state == DeviceState.Off)
        {
            _inputs.Clear();
            return;
        }

        _now = _clock.ReadMilliseconds();
        long now = _now;
        InputEventKind kind;
        bool value;
        long timestamp;
        while (_inputs.TryDequeue(out kind, out value, out timestamp))
        {
            if (kind == InputEventKind.ButtonEdge)
            {
                _button.OnEdge(value, timestamp);
            }
            else
            {
                _button.Advance(timestamp);
                OnDockDetect(value);
            }

            if (_state == DeviceState.Off)
            {
                return;
            }
        }

        _button.Advance(now);
        CheckBattery(now);
        CheckClock(now);
        CheckProvisioning();
        if (_state == DeviceState.Recording)
        {
            _reminder.Poll(now, _cues);
            if (_preRecord.IsDraining)
            {
                Drain(_configuration.PreRecordDrainFramesPerCall);
            }
        }

        if (_state == DeviceState.Standby || _state == DeviceState.Recording)
        {
            _clockCue.Poll(now, _cues);
        }

        if (_state == DeviceState.Fault)
        {
            _faultCue.Poll(now, _cues);
        }
    }

    /// <summary>
    /// Powers down in order: finalizes an open recording, wipes the pre-record, stops the camera and darkens the LEDs.
    /// </summary>
    public void PowerDown()
    {
        if (_state == DeviceState.Off)
        {
            return;
        }

        _now = _clock.ReadMilliseconds();
        if (_state == DeviceState.Recording)
        {
            FinishRecording(false);
        }

        StopAllCues();
        StopCamera();
        _preRecord.Clear();
        _inputs.Clear();
        _warning = FaultReason.None;
        _fault = FaultReason.None;
        SetState(DeviceState.Off);
    }

    private static long Min(long a, long b)
    {
        return a < b ? a : b;
    }

    private void OnGesture(ButtonGesture gesture, long timestamp)
    {
        if (gesture == ButtonGesture.Stuck)
        {
            OnButtonStuck();
            return;
        }

        if (gesture == ButtonGesture.StuckReleased)
        {
            _buttonStuck = false;
            if (_state == DeviceState.Fault && _fault == FaultReason.ButtonStuck)
            {
                EnterOperational(false);
            }

            return;
        }

        switch (_state)
        {
            case DeviceState.Standby:
                if (gesture == ButtonGesture.DoublePress)
                {
                    StartRecording(timestamp);
                }

                // A single press or a hold in standby starts nothing (docs/state-machine.md, "Rules the core keeps": only a deliberate gesture records).
                break;
            case DeviceState.Recording:
                if (gesture == ButtonGesture.Hold)
                {
                    FinishRecording(true);
                }
                else
                {
                    // A single press marks; so does a double press (the wearer already records; one marker).
                    AddMarker(timestamp);
                }

                break;
            case DeviceState.Fault:
                if (gesture == ButtonGesture.DoublePress)
                {
                    // Refused: the fault cue says why nothing starts.
                    _cues.Play(StatusLights.FaultCue(_fault));
                }

                break;
            default:
                // Booting, finalizing, docked: the button does nothing.
                break;
        }
    }

    private void OnButtonStuck()
    {
        _buttonStuck = true;
        if (_state == DeviceState.Standby)
        {
            EnterFault(FaultReason.ButtonStuck);
        }
        else if (_state == DeviceState.Recording)
        {
            // Evidence first: a recording is not cut by a stuck button; the fault follows when it stops.
            _cues.Play(Cue.Fault);
        }
    }

    private void OnDockDetect(bool docked)
    {
        if (docked == _docked)
        {
            return;
        }

        _docked = docked;
        if (docked)
        {
            if (_state == DeviceState.Recording)
            {
                // Refused until the recording stops; then the device docks (FinishRecording checks _docked).
                _cues.Play(Cue.Refused);
            }
            else if (_state == DeviceState.Standby || _state == DeviceState.Fault)
            {
                EnterDocked();
            }
        }
        else if (_state == DeviceState.Docked)
        {
            SetState(DeviceState.Booting);
            EnterOperational(true);
        }
    }
}
