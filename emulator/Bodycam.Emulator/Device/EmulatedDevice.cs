using System;
using System.Collections.Generic;
using System.Device.Gpio;
using Bodycam.Emulator.Hardware;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Board;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// One emulated camera: the unchanged firmware core (<see cref="DeviceCore"/>), its GPIO adapter on a virtual driver
/// behind the real <see cref="GpioController"/>, the encrypted <see cref="RecordingWriter"/> and
/// <see cref="RecordingStore"/> (with boot-time recovery) on simulated storage, and the other simulated parts. Time
/// only moves in <see cref="Advance"/>, from event to event: the next frame, the next scheduled event or the core's
/// next deadline, so idle hours cost nothing.
/// </summary>
public sealed class EmulatedDevice : IScenarioTarget, IDisposable
{
    /// <summary>The record button's GPIO pin (active low, internal pull-up).</summary>
    public const int ButtonPin = 4;

    /// <summary>The audit trail's file on the device's storage (docs/audit-trail.md).</summary>
    public const string AuditFileName = "audit.log";

    private const int AudioSampleRate = 16000;
    private const int AudioBlockMilliseconds = 100;
    private const int MaxIterationsAtOneInstant = 1_000_000;

    private readonly EmulatedDeviceOptions _options;
    private readonly VirtualGpioDriver _gpioDriver;
    private readonly GpioController _gpio;
    private readonly List<RecordingObservation> _observations = new();
    private readonly List<TimelineEntry> _timeline = new();
    private readonly ObservingRecordingSink _sink;
    private readonly long _capacityBytes;
    private RecordButtonGpio? _button;
    private RecordingStore? _store;
    private bool _buttonPressed;
    private bool _docked;
    private long _fillerBytes;
    private bool _videoActive;
    private long _videoStart;
    private long _videoIndex;
    private long _nextVideoAt;
    private bool _audioActive;
    private long _nextAudioAt;

    /// <summary>Builds the device and boots it (provisioned, clock set, unless the options say otherwise).</summary>
    /// <param name="options">Who the device is and how it is configured.</param>
    public EmulatedDevice(EmulatedDeviceOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        DeviceOverrides o = options.Overrides;
        var seeds = new SeededGenerator(options.Seed);
        Clock = new VirtualClock();
        Scheduler = new SimulationScheduler();
        RealTimeClock = new SimulatedRealTimeClock(Clock);
        Battery = new SimulatedBattery(Clock);
        Camera = new SimulatedCamera(options.Camera, options.DeviceId, seeds.Derive("camera"));
        Microphone = new SimulatedMicrophone(AudioSampleRate, AudioBlockMilliseconds, seeds.Derive("microphone"));
        Cues = new CueRecorder(Clock);
        Audit = new AuditRecorder();
        _capacityBytes = o.StorageCapacityBytes ?? EmulatedDeviceOptions.DefaultStorageBytes;
        long storageSeed = (long)(seeds.Derive("storage").NextUInt64() & 0x7FFFFFFFFFFFFFFF);
        Storage = options.StorageDirectory == null
            ? new SimulatedStorage(_capacityBytes, Clock, storageSeed)
            : new SimulatedStorage(options.StorageDirectory, _capacityBytes, Clock, storageSeed);
        Random = new SimulatedRandom((long)(seeds.Derive("random").NextUInt64() & 0x7FFFFFFFFFFFFFFF));
        Crypto = new SimulatedCryptoEngine();
        byte[] identitySeed = new byte[32];
        seeds.Derive("identity " + options.DeviceId).Fill(identitySeed);
        SecureElement = new SimulatedSecureElement(identitySeed, Random);
        Provisioning = new SimulatedProvisioning(
            options.Municipality,
            new[] { options.Keys.RecipientPublicKey(options.Municipality) },
            options.Keys.AuthorityPublicKey(options.Municipality));
        Provisioning.IsProvisioned = o.Provisioned ?? true;
        if (o.BatteryPercent is double battery)
        {
            Battery.Percent = battery;
        }

        if (o.ClockSet ?? true)
        {
            RealTimeClock.Set(EmulatedDeviceOptions.DefaultUnixMilliseconds);
        }

        Cues.Emitted += (_, e) => Log(e.Cue is Cue cue ? "cue" : "led", e.Cue is Cue c ? Names.Kebab(c.ToString()) : Names.Kebab(e.Led!.Value.ToString()) + " LED " + Names.Kebab(e.Pattern.ToString()));
        _gpioDriver = new VirtualGpioDriver();
        _gpioDriver.SetInputValue(ButtonPin, PinValue.High);
        _gpio = new GpioController(_gpioDriver);
        _sink = new ObservingRecordingSink(new NullSink(), _observations);
        _sink.Changed += (_, r) => Log("recording", r.Ended ? "closed " + r.Id : "opened " + r.Id);
        PowerOn();
    }

    /// <summary>Raised when the device is placed in or taken out of the dock: the hook a dock endpoint attaches to.</summary>
    public event EventHandler<bool>? DockChanged;

    /// <summary>
    /// The lock every call into the firmware core holds (advancing time, pins, power, dock detect). A dock endpoint
    /// that receives bytes on another thread takes it before calling the core's dock service, so the core still sees
    /// a single loop (DESIGN §3).
    /// </summary>
    public object BoardLock { get; } = new();

    /// <summary>The firmware core, or null while the power is off.</summary>
    public DeviceCore? Core { get; private set; }

    /// <summary>The recording store on the device's storage, or null while the power is off.</summary>
    public RecordingStore? Store => _store;

    /// <summary>The options the device was built with.</summary>
    public EmulatedDeviceOptions Options => _options;

    /// <summary>The monotonic clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Timed events injected by the emulator (scenario helpers, live mode).</summary>
    public SimulationScheduler Scheduler { get; }

    /// <summary>The RTC.</summary>
    public SimulatedRealTimeClock RealTimeClock { get; }

    /// <summary>The battery.</summary>
    public SimulatedBattery Battery { get; }

    /// <summary>The camera.</summary>
    public SimulatedCamera Camera { get; }

    /// <summary>The microphone.</summary>
    public SimulatedMicrophone Microphone { get; }

    /// <summary>The LEDs, speaker and vibration motor.</summary>
    public CueRecorder Cues { get; }

    /// <summary>What the core reported to its audit log (kept in memory for the timeline, across boots).</summary>
    public AuditRecorder Audit { get; }

    /// <summary>
    /// The device's hash-chained, signed audit trail in <see cref="AuditFileName"/> on its storage, opened at each
    /// boot (which cuts a record torn by a power cut); null while the power is off. Every event the core reports goes
    /// both here and to <see cref="Audit"/>.
    /// </summary>
    public AuditTrail? Trail { get; private set; }

    /// <summary>Storage errors met while booting (opening the audit trail, recovery); the core meets the card's state at its next write.</summary>
    public int BootStorageErrors { get; private set; }

    /// <summary>The storage card.</summary>
    public SimulatedStorage Storage { get; }

    /// <summary>The hardware random source.</summary>
    public SimulatedRandom Random { get; }

    /// <summary>The crypto engine.</summary>
    public SimulatedCryptoEngine Crypto { get; }

    /// <summary>The secure element holding the device identity.</summary>
    public SimulatedSecureElement SecureElement { get; }

    /// <summary>The provisioning store.</summary>
    public SimulatedProvisioning Provisioning { get; }

    /// <summary>What each recording received at the writer's interface.</summary>
    public IReadOnlyList<RecordingObservation> Observations => _observations;

    /// <summary>States, LEDs, cues, recordings, power and dock events in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>Whether the device is in the dock.</summary>
    public bool IsDocked => _docked;

    /// <summary>Bytes the storage can still take.</summary>
    public long FreeBytes => Storage.IsPowered ? Storage.ReadFreeBytes() : 0;

    /// <inheritdoc />
    public long Now => Clock.Now;

    /// <inheritdoc />
    public string State => Core == null ? "off" : Names.Kebab(Core.State.ToString());

    /// <inheritdoc />
    public string Fault => Core == null ? "none" : Names.Kebab(Core.Fault.ToString());

    /// <summary>Adds a line to the timeline (scenario steps use it too).</summary>
    /// <param name="kind">The category.</param>
    /// <param name="text">The text.</param>
    public void Log(string kind, string text)
    {
        _timeline.Add(new TimelineEntry(Clock.Now, kind, text));
    }

    /// <inheritdoc />
    public void Advance(long milliseconds)
    {
        lock (BoardLock)
        {
            if (milliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(milliseconds));
            }

            RunUntil(Clock.Now + milliseconds);
        }
    }

    /// <inheritdoc />
    public void SetButton(bool pressed)
    {
        lock (BoardLock)
        {
            _buttonPressed = pressed;
            _gpioDriver.SetInputValue(ButtonPin, pressed ? PinValue.Low : PinValue.High);
            Poll();
        }
    }

    /// <inheritdoc />
    public LedPattern ReadLed(Led led)
    {
        return Cues.ReadLed(led);
    }

    /// <inheritdoc />
    public IReadOnlyList<Cue> CuesSince(long sinceMilliseconds)
    {
        return Cues.CuesSince(sinceMilliseconds);
    }

    /// <inheritdoc />
    public void PowerCut()
    {
        lock (BoardLock)
        {
            if (Core == null)
            {
                return;
            }

            // No PowerDown: the supply is gone, nothing gets to close or flush (DESIGN §3: recovery closes it at boot).
            Storage.CutPower();
            Core = null;
            Trail = null;
            _button?.Dispose();
            _button = null;
            _store = null;
            Camera.Stop();
            Microphone.Stop();
            _videoActive = false;
            _audioActive = false;
            Cues.PowerOff();
            Battery.Recording = false;
            Log("power", "power cut");
        }
    }

    /// <inheritdoc />
    public void PowerOn()
    {
        lock (BoardLock)
        {
            if (Core != null)
            {
                return;
            }

            if (!Storage.IsPowered)
            {
                Storage.Reset();
            }

            ApplyCapacity();
            Log("power", "power on");
            DeviceConfiguration configuration = BuildConfiguration();
            _store = new RecordingStore(Storage, Crypto, SecureElement, configuration.StorageReserveBytes);
            var trail = new AuditTrail(Storage, Crypto, SecureElement, RealTimeClock, AuditFileName);
            var audit = new BootAuditLog(trail, Audit);
            try
            {
                // The board's boot order: open the trail (cutting a torn record), then close what a power cut left
                // open before anything new is written, each recovery named in the trail.
                trail.Open();
                audit.TrailOpen = true;
                foreach (string id in _store.RecoverInterrupted())
                {
                    audit.Append(AuditEventType.RecordingRecovered, Clock.Now, id);
                    Log("recording", "recovered " + id);
                }
            }
            catch (StorageException e) when (e.Error == StorageError.PowerLost)
            {
                // The supply went again while booting: the board is off; the next power-on starts over.
                _store = null;
                Log("power", "power lost while booting");
                return;
            }
            catch (StorageException e)
            {
                // A failing card must not stop the boot: the core meets the error at its next write and faults
                // (docs/state-machine.md); what recovery could not close stays for the next boot.
                BootStorageErrors++;
                Log("storage", "error while booting: " + Names.Kebab(e.Error.ToString()));
            }

            Trail = trail;

            var writer = new RecordingWriter(BuildWriterOptions(), _store, Crypto, SecureElement, Random, Provisioning);
            _sink.Replace(writer);
            var core = new DeviceCore(configuration, new DeviceHardware
            {
                Clock = Clock,
                RealTimeClock = RealTimeClock,
                Battery = Battery,
                Camera = Camera,
                Cues = Cues,
                Recordings = _sink,
                Audit = audit,
                Provisioning = Provisioning,
            });
            core.StateChanged += OnStateChanged;
            Core = core;
            _gpioDriver.SetInputValue(ButtonPin, _buttonPressed ? PinValue.Low : PinValue.High);
            _button = new RecordButtonGpio(_gpio, ButtonPin, core, Clock);
            core.Boot(_button.ReadPressed());
            if (_docked)
            {
                core.EnqueueDockDetect(true, Clock.Now);
            }

            Poll();
        }
    }

    /// <inheritdoc />
    public void Dock()
    {
        SetDocked(true);
    }

    /// <inheritdoc />
    public void Undock()
    {
        SetDocked(false);
    }

    /// <inheritdoc />
    public void SetBattery(double percent)
    {
        Battery.Percent = percent;
        Log("battery", percent.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%");
    }

    /// <inheritdoc />
    public void FillStorage(long bytes)
    {
        _fillerBytes += Math.Max(0, bytes);
        ApplyCapacity();
        Log("storage", "filled by " + bytes + " bytes, " + FreeBytes + " bytes free");
    }

    /// <inheritdoc />
    public void FillStoragePercent(double percent)
    {
        long used = _capacityBytes - _fillerBytes - Storage.ReadFreeBytes();
        long target = (long)(_capacityBytes * percent / 100);
        _fillerBytes = Math.Max(_fillerBytes, target - used);
        ApplyCapacity();
        Log("storage", "filled to " + percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%, " + FreeBytes + " bytes free");
    }

    /// <inheritdoc />
    public void InjectStorageFault(string kind)
    {
        switch (kind)
        {
            case "write-error":
                Storage.FailWritesAfter(StorageError.IoError, 0);
                break;
            case "full":
                Storage.FailWritesAfter(StorageError.Full, 0);
                break;
            case "torn-write":
                Storage.TornWrites = TornWriteMode.TearUnsynced;
                break;
            default:
                throw new ArgumentException("Unknown storage fault '" + kind + "'.", nameof(kind));
        }

        Log("storage", "fault injected: " + kind);
    }

    /// <inheritdoc />
    public void SetClock(long? unixMilliseconds)
    {
        lock (BoardLock)
        {
            if (unixMilliseconds is long unix)
            {
                RealTimeClock.Set(unix);
                Log("clock", "set to " + DateTimeOffset.FromUnixTimeMilliseconds(unix).ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                RealTimeClock.Reset();
                Log("clock", "unset");
            }

            Poll();
        }
    }

    /// <inheritdoc />
    public RecordingsReport ReadRecordings()
    {
        lock (BoardLock)
        {
            bool wasOff = !Storage.IsPowered;
            RecordingStore store = _store ?? new RecordingStore(Storage, Crypto, SecureElement, 0);
            if (wasOff)
            {
                // Reading a card from a dead device: the durable contents as they are.
                Storage.Reset();
            }

            RecordingInfo[] infos = store.ListRecordings();
            var summaries = new List<RecordingSummary>();
            foreach (RecordingInfo info in infos)
            {
                summaries.Add(Summarize(info));
            }

            if (wasOff)
            {
                Storage.CutPower();
            }

            return new RecordingsReport(infos.Length, summaries);
        }
    }

    /// <summary>Releases the GPIO controller and the crypto engine.</summary>
    public void Dispose()
    {
        _button?.Dispose();
        _gpio.Dispose();
        Crypto.Dispose();
    }

    private RecordingSummary Summarize(RecordingInfo info)
    {
        // Everything comes from the stored file through the SDK's reader: each file verified (signatures, hash chain)
        // and decrypted with the municipality's private key, continuations checked against their predecessor. The
        // trigger is the first file's start time (docs/recording-format.md: the header's start monotonic time).
        long trigger = -1;
        byte[] devicePublicKey = SecureElement.DevicePublicKey;
        byte[] recipientKey = _options.Keys.RecipientPrivateKey(_options.Municipality);
        long firstVideo = -1;
        long lastVideo = -1;
        long videoFrames = 0;
        long audioFrames = 0;
        long firstAudio = long.MaxValue;
        int markers = 0;
        string status = "complete";
        string verification;
        try
        {
            RecordingResult? previous = null;
            int segments = 0;
            int signed = 0;
            foreach (string file in info.FileNames)
            {
                RecordingResult result = new RecordingReader(Storage.ReadAllBytes(file)).Decrypt(devicePublicKey, recipientKey);
                if (previous != null)
                {
                    RecordingReader.VerifyContinuation(previous, result);
                }

                if (previous == null)
                {
                    trigger = result.Header.StartMonotonicMilliseconds;
                }

                previous = result;
                segments += result.SegmentCount;
                signed += result.SignedSegmentCount;
                markers += result.Markers.Count;
                if (result.Status != RecordingStatus.Complete)
                {
                    status = result.Status == RecordingStatus.ClosedByRecovery ? "recovered" : Names.Kebab(result.Status.ToString());
                }

                foreach (Bodycam.Sdk.Media.MediaFrame frame in result.Frames)
                {
                    if (frame.Kind == Bodycam.Sdk.Media.MediaKind.Video)
                    {
                        firstVideo = firstVideo < 0 ? frame.TimestampMilliseconds : firstVideo;
                        lastVideo = frame.TimestampMilliseconds;
                        videoFrames++;
                    }
                    else
                    {
                        audioFrames++;
                        firstAudio = Math.Min(firstAudio, frame.TimestampMilliseconds);
                    }
                }
            }

            verification = "verified and decrypted with the SDK reader: " + status + ", " + info.FileNames.Length + " file(s), " + segments + " segments, " + signed + " signed";
        }
        catch (RecordingFormatException e)
        {
            status = "damaged";
            verification = "FAILED verification: " + e.Message;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(recipientKey);
        }

        if (trigger < 0)
        {
            trigger = firstVideo;
        }

        return new RecordingSummary
        {
            Id = info.RecordingId,
            Status = status,
            Parts = info.FileNames.Length,
            Bytes = info.TotalBytes,
            DurationMilliseconds = firstVideo < 0 ? 0 : lastVideo - firstVideo,
            PreRecordMilliseconds = firstVideo < 0 ? 0 : Math.Max(0, trigger - firstVideo),
            AudioInPreRecord = firstAudio < trigger,
            Markers = markers,
            VideoFrames = videoFrames,
            AudioFrames = audioFrames,
            Verification = verification,
        };
    }

    private void SetDocked(bool docked)
    {
        lock (BoardLock)
        {
            if (docked == _docked)
            {
                return;
            }

            _docked = docked;
            Battery.Charging = docked;
            Log("dock", docked ? "placed in the dock" : "taken out of the dock");
            Core?.EnqueueDockDetect(docked, Clock.Now);
            Poll();
            DockChanged?.Invoke(this, docked);
        }
    }

    private void ApplyCapacity()
    {
        Storage.CapacityBytes = Math.Max(1, _capacityBytes - _fillerBytes);
    }

    private void OnStateChanged(object sender, DeviceStateChangedEventArgs e)
    {
        Battery.Recording = e.Current == DeviceState.Recording;
        Log("state", Names.Kebab(e.Current.ToString()) + (e.Fault != FaultReason.None ? " (" + Names.Kebab(e.Fault.ToString()) + ")" : string.Empty));
    }

    private void Poll()
    {
        Core?.Poll();
    }

    private void RunUntil(long target)
    {
        int sameInstant = 0;
        long lastNow = -1;
        while (true)
        {
            long now = Clock.Now;
            SyncStreams(now);
            long next = target;
            if (_videoActive && _nextVideoAt < next)
            {
                next = _nextVideoAt;
            }

            if (_audioActive && _nextAudioAt < next)
            {
                next = _nextAudioAt;
            }

            if (Scheduler.TryPeekNext(out long at) && at < next)
            {
                next = at;
            }

            DeviceCore? core = Core;
            if (core != null)
            {
                long deadline = core.NextDeadlineMilliseconds;
                if (deadline < next)
                {
                    next = Math.Max(deadline, now);
                }
            }

            if (next > now)
            {
                Clock.AdvanceTo(next);
                now = next;
            }

            sameInstant = now == lastNow ? sameInstant + 1 : 0;
            lastNow = now;
            if (sameInstant > MaxIterationsAtOneInstant)
            {
                throw new InvalidOperationException("The simulation does not progress at " + SimulatedCamera.FormatTime(now) + ".");
            }

            bool busy = Scheduler.RunDue(now) > 0;
            if (_videoActive && _nextVideoAt <= now)
            {
                int length = Camera.Capture(_nextVideoAt, out bool keyFrame);
                Core?.OnFrame(FrameKind.Video, keyFrame, _nextVideoAt, Camera.Buffer, 0, length);
                _videoIndex++;
                _nextVideoAt = Camera.FrameTime(_videoStart, _videoIndex);
                busy = true;
            }

            if (_audioActive && _nextAudioAt <= now)
            {
                int length = Microphone.Capture();
                Core?.OnFrame(FrameKind.Audio, true, _nextAudioAt, Microphone.Buffer, 0, length);
                _nextAudioAt += AudioBlockMilliseconds;
                busy = true;
            }

            core = Core;
            if (core != null)
            {
                core.Poll();
                busy |= core.NextDeadlineMilliseconds <= now;
            }

            if (now >= target && !busy)
            {
                SyncStreams(now);
                return;
            }
        }
    }

    private void SyncStreams(long now)
    {
        if (Camera.Running && !_videoActive)
        {
            _videoActive = true;
            _videoStart = now;
            _videoIndex = 0;
            _nextVideoAt = now;
        }
        else if (!Camera.Running)
        {
            _videoActive = false;
        }

        bool audio = Camera.Running && (_options.Overrides.Audio ?? true);
        if (audio && !_audioActive)
        {
            Microphone.Start();
            _audioActive = true;
            _nextAudioAt = now;
        }
        else if (!audio && _audioActive)
        {
            Microphone.Stop();
            _audioActive = false;
        }
    }

    private DeviceConfiguration BuildConfiguration()
    {
        DeviceOverrides o = _options.Overrides;
        var configuration = new DeviceConfiguration();
        if (o.PreRecordMilliseconds is long window)
        {
            configuration.PreRecordWindowMilliseconds = window;
        }

        if (o.PreRecordAudio is bool audio)
        {
            configuration.PreRecordIncludesAudio = audio;
        }

        if (o.ReminderIntervalMilliseconds is long reminder)
        {
            configuration.ReminderIntervalMilliseconds = reminder;
        }

        if (o.HoldToStopMilliseconds is long hold)
        {
            configuration.StopHoldMilliseconds = hold;
        }

        // The pre-record arena is sized from the window and the camera's bitrate (plus a key frame's slack and the
        // audio), as the board's budget would be (DESIGN §3: one allocation at boot).
        CameraSettings camera = _options.Camera;
        long windowMs = configuration.PreRecordWindowMilliseconds + 2000;
        long videoBytes = camera.Mode == CameraMode.Gop
            ? camera.BitsPerSecond / 8 * windowMs / 1000
            : (long)Camera.Buffer.Length * camera.FramesPerSecond * windowMs / 1000;
        long audioBytes = AudioSampleRate * 2L * windowMs / 1000;
        long arena = ((videoBytes + audioBytes) * 5 / 4) + (2L * Camera.Buffer.Length) + (256 * 1024);
        configuration.PreRecordArenaBytes = (int)Math.Clamp(arena, 64 * 1024, 128 * 1024 * 1024);
        long frames = ((camera.FramesPerSecond + (1000 / AudioBlockMilliseconds)) * windowMs / 1000 * 5 / 4) + 64;
        configuration.PreRecordFrameCapacity = (int)Math.Clamp(frames, 16, 65536);
        configuration.Validate();
        return configuration;
    }

    private RecordingWriterOptions BuildWriterOptions()
    {
        CameraSettings camera = _options.Camera;
        var writer = new RecordingWriterOptions
        {
            DeviceId = _options.DeviceId,
            Width = camera.Width,
            Height = camera.Height,
            FramesPerSecond = camera.FramesPerSecond,
            VideoCodec = camera.Mode == CameraMode.Jpeg ? 1 : 3,
            AudioSampleRate = AudioSampleRate,
        };
        if (_options.Overrides.MaxFileDurationMilliseconds is long maxFile)
        {
            writer.FileMaxMilliseconds = (int)Math.Min(int.MaxValue, maxFile);
        }

        return writer;
    }

    /// <summary>Every event to the in-memory recorder, then to the trail on storage (whose failures the core counts).</summary>
    private sealed class BootAuditLog : IAuditLog
    {
        private readonly AuditTrail _trail;
        private readonly AuditRecorder _recorder;

        public BootAuditLog(AuditTrail trail, AuditRecorder recorder)
        {
            _trail = trail;
            _recorder = recorder;
        }

        public bool TrailOpen { get; set; }

        public void Append(AuditEventType type, long monotonicMilliseconds, string subject)
        {
            _recorder.Append(type, monotonicMilliseconds, subject);
            if (!TrailOpen)
            {
                throw new StorageException(StorageError.IoError, "The audit trail could not be opened at boot.");
            }

            _trail.Append(type, monotonicMilliseconds, subject);
        }
    }

    private sealed class NullSink : IRecordingSink
    {
        public bool IsOpen => false;

        public long ReadAvailableBytes()
        {
            return 0;
        }

        public string Begin(long monotonicMilliseconds, long unixMilliseconds, bool clockSet)
        {
            throw new InvalidOperationException("The device has no power.");
        }

        public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
        {
        }

        public void AddMarker(long timestampMilliseconds)
        {
        }

        public void End(long monotonicMilliseconds)
        {
        }
    }
}
