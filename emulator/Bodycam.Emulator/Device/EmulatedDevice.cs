using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Threading.Tasks;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Dock;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Board;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// One emulated camera: the unchanged firmware core (<see cref="DeviceCore"/>), its GPIO adapter on a virtual driver
/// behind the real <see cref="GpioController"/>, the encrypted <see cref="RecordingWriter"/> and
/// <see cref="RecordingStore"/> (with boot-time recovery), the signed <see cref="Firmware.Audit.AuditTrail"/>, the
/// <see cref="ProvisioningStore"/>, the <see cref="ConfigurationStore"/> and the <see cref="Firmware.Dock.DockService"/>
/// on simulated storage and the board's simulated CRC unit, composed as on the device (see
/// <see cref="ComposeFirmware"/>), and the other simulated parts. Time
/// only moves in <see cref="Advance"/>, from event to event: the next frame, the next scheduled event or the core's
/// next deadline, so idle hours cost nothing.
/// </summary>
public sealed class EmulatedDevice : IScenarioTarget, IDisposable
{
    /// <summary>The record button's GPIO pin (active low, internal pull-up).</summary>
    public const int ButtonPin = 4;

    /// <summary>The audit trail's file on the device's storage.</summary>
    public const string AuditFileName = "audit.log";

    /// <summary>The firmware version the emulated device reports over the dock.</summary>
    public const string FirmwareVersion = "1.0.0-emulator";

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
    private bool _firstBoot = true;
    private DockTcpEndpoint? _tcpEndpoint;
    private DockPtyEndpoint? _ptyEndpoint;
    private string? _offloadDirectory;

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
        DockLink = new DockLink(BoardLock) { IsConnected = false };
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
    /// a single loop (docs/state-machine.md, "Rules the core keeps").
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

    /// <summary>What the core and the dock service appended to the audit trail (a copy for the timeline).</summary>
    public AuditRecorder Audit { get; }

    /// <summary>The device's hash-chained, signed audit trail on its storage, or null while the power is off.</summary>
    public AuditTrail? AuditTrail { get; private set; }

    /// <summary>Storage errors met by recovery while booting; the core meets the card's state at its next write.</summary>
    public int BootStorageErrors { get; private set; }

    /// <summary>The dock service, or null while the power is off.</summary>
    public DockService? DockService { get; private set; }

    /// <summary>The USB port the dock endpoints deliver to; it carries data only while the device is docked.</summary>
    public DockLink DockLink { get; }

    /// <summary>The configuration pushed over the dock, or null while the power is off.</summary>
    public ConfigurationStore? ConfigurationStore { get; private set; }

    /// <summary>The storage card.</summary>
    public SimulatedStorage Storage { get; }

    /// <summary>The hardware random source.</summary>
    public SimulatedRandom Random { get; }

    /// <summary>The crypto engine.</summary>
    public SimulatedCryptoEngine Crypto { get; }

    /// <summary>The secure element holding the device identity.</summary>
    public SimulatedSecureElement SecureElement { get; }

    /// <summary>The provisioning store on the device's storage, or null while the power is off.</summary>
    public ProvisioningStore? Provisioning { get; private set; }

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
        // Under the board lock: a dock endpoint's thread logs audit events while a scenario step may log too.
        lock (BoardLock)
        {
            _timeline.Add(new TimelineEntry(Clock.Now, kind, text));
        }
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

            // No PowerDown: the supply is gone, nothing gets to close or flush (recovery closes it at boot: docs/recording-format.md §5).
            Storage.CutPower();
            DockLink.Detach();
            DockService = null;
            AuditTrail = null;
            Provisioning = null;
            ConfigurationStore = null;
            Core = null;
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
            DeviceCore core;
            try
            {
                core = ComposeFirmware();
            }
            catch (StorageException e) when (e.Error == StorageError.PowerLost)
            {
                // The supply went again while booting: the board is off; the next power-on starts over.
                _store = null;
                Log("power", "power lost while booting");
                return;
            }

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

    /// <summary>The TCP port of the dock endpoint, or 0 when none was started.</summary>
    public int DockTcpPort => _tcpEndpoint?.Port ?? 0;

    /// <summary>The pseudo-terminal path of the dock endpoint, or null when none was started.</summary>
    public string? DockPtyPath => _ptyEndpoint?.SlavePath;

    /// <summary>Serves the dock protocol on TCP, on the loopback interface only (the device answers while docked).</summary>
    /// <param name="port">The port; 0 picks a free one (see <see cref="DockTcpPort"/>).</param>
    /// <returns>The port listened on.</returns>
    public int StartDockTcp(int port)
    {
        if (_tcpEndpoint != null)
        {
            throw new InvalidOperationException("The TCP dock endpoint is already running.");
        }

        var endpoint = new DockTcpEndpoint(DockLink, port);
        endpoint.Start();
        _tcpEndpoint = endpoint;
        return endpoint.Port;
    }

    /// <summary>Serves the dock protocol on a new pseudo-terminal (POSIX only), as a camera's USB serial port.</summary>
    /// <returns>The path a host opens (/dev/pts/N).</returns>
    public string StartDockPty()
    {
        if (_ptyEndpoint != null)
        {
            throw new InvalidOperationException("The pseudo-terminal dock endpoint is already running.");
        }

        var endpoint = new DockPtyEndpoint(DockLink);
        endpoint.Start();
        _ptyEndpoint = endpoint;
        return endpoint.SlavePath;
    }

    /// <inheritdoc />
    public OffloadReport Offload(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IsDocked || Core == null)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), Core == null ? "the device has no power" : "the device is not in the dock, so its port carries nothing");
        }

        if (link == "tcp" && _tcpEndpoint == null)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "no TCP dock endpoint (run with --dock-port)");
        }

        string destination = OffloadDirectory();
        byte[] authorityKey = _options.Keys.AuthorityPrivateKey(_options.Municipality);
        using var authority = new Bodycam.Sdk.Dock.Ed25519DockSigner(authorityKey);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(authorityKey);
        var offloader = new Bodycam.Sdk.Offload.Offloader(
            async token =>
            {
                Bodycam.Sdk.Dock.IDockTransport transport = link == "tcp"
                    ? await Bodycam.Sdk.Dock.TcpDockTransport.ConnectAsync("127.0.0.1", _tcpEndpoint!.Port, token).ConfigureAwait(false)
                    : new InProcessDockTransport(DockLink);
                var client = new Bodycam.Sdk.Dock.DockClient(transport, new Bodycam.Sdk.Dock.DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
                try
                {
                    await client.ConnectAsync(token).ConfigureAwait(false);
                    await client.AuthenticateAsync(new Bodycam.Sdk.Dock.AuthorityAuthenticator(authority), token).ConfigureAwait(false);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }

                return client;
            },
            new Bodycam.Sdk.Offload.ReaderRecordingVerifier(),
            new Bodycam.Sdk.Offload.OffloadOptions { Destination = destination });
        IReadOnlyList<Bodycam.Sdk.Offload.OffloadedRecording> results;
        try
        {
            // The scenario runs on one thread; the offload's own tasks do not need it.
            results = Task.Run(() => offloader.RunAsync()).GetAwaiter().GetResult();
        }
        catch (Bodycam.Sdk.Dock.DockErrorException e)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "the device refused: " + e.Code);
        }
        catch (Bodycam.Sdk.Dock.DockConnectionException e)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "link failed: " + e.Message);
        }

        int confirmed = 0;
        int failed = 0;
        var lines = new List<string>();
        foreach (Bodycam.Sdk.Offload.OffloadedRecording r in results)
        {
            bool good = r.Status == Bodycam.Sdk.Offload.OffloadStatus.Confirmed;
            confirmed += good ? 1 : 0;
            failed += good || r.Status == Bodycam.Sdk.Offload.OffloadStatus.SkippedOpen ? 0 : 1;
            lines.Add(r.RecordingId + " " + Names.Kebab(r.Status.ToString()) + (string.IsNullOrEmpty(r.Detail) ? string.Empty : " (" + r.Detail + ")"));
            Log("offload", r.RecordingId + " " + Names.Kebab(r.Status.ToString()) + ", " + r.Bytes + " bytes to " + Path.Combine(destination, _options.DeviceId));
        }

        return new OffloadReport(confirmed, failed, lines);
    }

    /// <inheritdoc />
    public AuditReport ReadAudit()
    {
        lock (BoardLock)
        {
            bool wasOff = !Storage.IsPowered;
            if (wasOff)
            {
                Storage.Reset();
            }

            try
            {
                if (!Storage.Exists(AuditFileName))
                {
                    return new AuditReport(false, "no audit trail on storage", Array.Empty<string>());
                }

                Bodycam.Sdk.Audit.AuditVerification verification = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(Storage.ReadAllBytes(AuditFileName), SecureElement.DevicePublicKey);
                var events = new List<string>();
                foreach (Bodycam.Sdk.Audit.AuditRecord record in verification.Records)
                {
                    events.Add(Names.Kebab(record.Kind.ToString()));
                }

                bool valid = verification.Status == Bodycam.Sdk.Audit.AuditTrailStatus.Valid;
                string detail = Names.Kebab(verification.Status.ToString()) + (valid ? string.Empty : " at byte " + verification.FailureOffset + ": " + verification.FailureReason);
                return new AuditReport(valid, detail, events);
            }
            finally
            {
                if (wasOff)
                {
                    Storage.CutPower();
                }
            }
        }
    }

    /// <summary>Stops the dock endpoints and releases the GPIO controller and the crypto engine.</summary>
    public void Dispose()
    {
        _tcpEndpoint?.Dispose();
        _ptyEndpoint?.Dispose();
        if (_offloadDirectory != null && _options.OffloadDirectory == null && Directory.Exists(_offloadDirectory))
        {
            Directory.Delete(_offloadDirectory, true);
        }

        _button?.Dispose();
        _gpio.Dispose();
        Crypto.Dispose();
    }

    private string OffloadDirectory()
    {
        // Offloaded copies go where the options say, else to a temporary folder removed with the device.
        _offloadDirectory ??= _options.OffloadDirectory ?? Path.Combine(Path.GetTempPath(), "bodycam-emu-offload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_offloadDirectory);
        return _offloadDirectory;
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
            DockLink.IsConnected = docked;
            Log("dock", docked ? "placed in the dock" : "taken out of the dock");
            Core?.EnqueueDockDetect(docked, Clock.Now);
            Poll();
            DockChanged?.Invoke(this, docked);
        }
    }

    // The board's composition at boot, as on the device: storage-backed audit trail, provisioning and configuration
    // stores, recovery of an interrupted recording, the encrypted writer, the core, and the dock service on the USB
    // link with the board's CRC unit. Everything the core and the dock service append to the audit trail is also
    // copied to Audit for the timeline.
    private DeviceCore ComposeFirmware()
    {
        var trail = new AuditTrail(Storage, Crypto, SecureElement, RealTimeClock, AuditFileName);
        trail.Open();
        var audit = new TimelineAuditLog(trail, this);
        var provisioning = new ProvisioningStore(Storage, Crypto, SecureElement);
        provisioning.Load();
        if (_firstBoot && provisioning.State == ProvisioningState.Unprovisioned && (_options.Overrides.Provisioned ?? true))
        {
            // Enrolled as the dock's provision command would do it (docs/dock-protocol.md, "Provision"), with the
            // municipality keys the emulator generated or loaded from --keys.
            provisioning.Provision(
                _options.Municipality,
                _options.Keys.AuthorityPublicKey(_options.Municipality),
                new[] { _options.Keys.RecipientPublicKey(_options.Municipality) });
            audit.Append(AuditEventType.Provisioned, Clock.Now, _options.Municipality);
        }

        _firstBoot = false;
        DeviceConfiguration configuration = BuildConfiguration();
        var configurationStore = new ConfigurationStore(Storage, Crypto, SecureElement);
        configurationStore.Load(configuration);
        SizePreRecord(configuration);
        _store = new RecordingStore(Storage, Crypto, SecureElement, configuration.StorageReserveBytes);
        try
        {
            foreach (string id in _store.RecoverInterrupted())
            {
                audit.Append(AuditEventType.RecordingRecovered, Clock.Now, id);
                Log("recording", "recovered " + id);
            }
        }
        catch (StorageException e) when (e.Error != StorageError.PowerLost)
        {
            // A failing card must not stop the boot: the core meets the error at its next write and faults
            // (docs/state-machine.md); what recovery could not close stays for the next boot.
            BootStorageErrors++;
            Log("storage", "error while booting: " + Names.Kebab(e.Error.ToString()));
        }

        var writer = new RecordingWriter(BuildWriterOptions(), _store, Crypto, SecureElement, Random, provisioning);
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
            Provisioning = provisioning,
        });
        core.StateChanged += OnStateChanged;
        configurationStore.Attach(core);
        var service = new DockService(
            new DockServiceParts
            {
                Channel = DockLink,
                Clock = Clock,
                RealTimeClock = RealTimeClock,
                Random = Random,
                Crypto = Crypto,
                SecureElement = SecureElement,
                Battery = Battery,
                Storage = Storage,
                Provisioning = provisioning,
                Audit = audit,
                AuditReader = trail,
                Recordings = new RecordingStoreDockRecordings(_store),
                Status = new DeviceCoreDockStatus(core, _options.DeviceId, FirmwareVersion),
                Configuration = configurationStore,
                FrameCrc = new SimulatedCrcUnit(),
            },
            new DockServiceOptions());
        AuditTrail = trail;
        Provisioning = provisioning;
        ConfigurationStore = configurationStore;
        DockService = service;
        Core = core;
        DockLink.Attach(service);
        return core;
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

            // The board loop also lets the dock service's timers act (partial frames, session expiry) in simulated time.
            DockService?.Poll();

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

        return configuration;
    }

    private void SizePreRecord(DeviceConfiguration configuration)
    {
        // The pre-record arena is sized from the window and the camera's bitrate (plus a key frame's slack and the
        // audio), as the board's budget would be (one allocation at boot: docs/state-machine.md, "Rules the core keeps").
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

    // Forwards to the signed trail and keeps a copy for the timeline and the expect steps.
    private sealed class TimelineAuditLog : IAuditLog
    {
        private readonly IAuditLog _trail;
        private readonly EmulatedDevice _device;

        public TimelineAuditLog(IAuditLog trail, EmulatedDevice device)
        {
            _trail = trail;
            _device = device;
        }

        public void Append(AuditEventType type, long monotonicMilliseconds, string subject)
        {
            _trail.Append(type, monotonicMilliseconds, subject);
            _device.Audit.Append(type, monotonicMilliseconds, subject);
            _device.Log("audit", Names.Kebab(type.ToString()) + (string.IsNullOrEmpty(subject) ? string.Empty : " " + subject));
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
