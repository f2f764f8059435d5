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
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// One emulated camera: the unchanged firmware core (<see cref="DeviceCore"/>), its GPIO adapter on a virtual driver
/// behind the real <see cref="GpioController"/>, the encrypted <see cref="RecordingWriter"/> and
/// <see cref="RecordingStore"/> (with boot-time recovery), the signed <see cref="Firmware.Audit.AuditTrail"/>, the
/// <see cref="ProvisioningStore"/>, the <see cref="ConfigurationStore"/> and the <see cref="Firmware.Dock.DockService"/>
/// on simulated storage and the board's simulated CRC unit, composed by the device's own
/// <see cref="DeviceBuilder"/>, and the other simulated parts. Time only moves in <see cref="Advance"/>, from event to
/// event (<see cref="EmulatedBoardLoop"/>): the next frame, the next scheduled event or the core's next deadline, so
/// idle hours cost nothing.
/// </summary>
public sealed class EmulatedDevice : IScenarioTarget, IDisposable
{
    /// <summary>The record button's GPIO pin (active low, internal pull-up).</summary>
    public const int ButtonPin = 4;

    /// <summary>The audit trail's file on the device's storage.</summary>
    public const string AuditFileName = DeviceBuilder.AuditFileName;

    /// <summary>The firmware version the emulated device reports over the dock.</summary>
    public const string FirmwareVersion = "1.0.0-emulator";

    /// <summary>The capacity of the simulated internal flash partition.</summary>
    public const long InternalStorageBytes = 256 * 1024;

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
    private readonly EmulatedBoardLoop _loop;
    private readonly EmulatedDockPorts _ports;
    private readonly StoredRecordingsReader _reader;
    private bool _firstBoot = true;

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
        Microphone = new SimulatedMicrophone(EmulatedBoardSettings.AudioSampleRate, EmulatedBoardSettings.AudioBlockMilliseconds, seeds.Derive("microphone"));
        Cues = new CueRecorder(Clock);
        Audit = new AuditRecorder();
        _capacityBytes = o.StorageCapacityBytes ?? EmulatedDeviceOptions.DefaultStorageBytes;
        long storageSeed = (long)(seeds.Derive("storage").NextUInt64() & 0x7FFFFFFFFFFFFFFF);
        Storage = options.StorageDirectory == null
            ? new SimulatedStorage(_capacityBytes, Clock, storageSeed)
            : new SimulatedStorage(options.StorageDirectory, _capacityBytes, Clock, storageSeed);

        // The MCU's internal flash (the journal of open recordings): not the card, so it survives a card swap.
        InternalStorage = options.StorageDirectory == null
            ? new SimulatedStorage(InternalStorageBytes, Clock, storageSeed + 1)
            : new SimulatedStorage(Path.Combine(options.StorageDirectory, "internal-flash"), InternalStorageBytes, Clock, storageSeed + 1);
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
        _sink = new ObservingRecordingSink(new NullRecordingSink(), _observations);
        _sink.Changed += (_, r) => Log("recording", r.Ended ? "closed " + r.Id : "opened " + r.Id);
        _loop = new EmulatedBoardLoop(this);
        _ports = new EmulatedDockPorts(this);
        _reader = new StoredRecordingsReader(this);
        if (o.Planted is { } planted)
        {
            PlantedFiles.Plant(Storage, SecureElement, planted, (long)(options.Seed & 0x7FFFFFFF));
        }

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

    /// <summary>The device-internal flash partition: holds the journal of open recordings; a card swap does not reach it.</summary>
    public SimulatedStorage InternalStorage { get; }

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

            _loop.RunUntil(Clock.Now + milliseconds);
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
            InternalStorage.CutPower();
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
            _loop.Stop();
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

            if (!InternalStorage.IsPowered)
            {
                InternalStorage.Reset();
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
        return _reader.ReadRecordings();
    }

    /// <summary>The TCP port of the dock endpoint, or 0 when none was started.</summary>
    public int DockTcpPort => _ports.DockTcpPort;

    /// <summary>The pseudo-terminal path of the dock endpoint, or null when none was started.</summary>
    public string? DockPtyPath => _ports.DockPtyPath;

    /// <summary>Serves the dock protocol on TCP, on the loopback interface only (the device answers while docked).</summary>
    /// <param name="port">The port; 0 picks a free one (see <see cref="DockTcpPort"/>).</param>
    /// <returns>The port listened on.</returns>
    public int StartDockTcp(int port)
    {
        return _ports.StartDockTcp(port);
    }

    /// <summary>Serves the dock protocol on a new pseudo-terminal (POSIX only), as a camera's USB serial port.</summary>
    /// <returns>The path a host opens (/dev/pts/N).</returns>
    public string StartDockPty()
    {
        return _ports.StartDockPty();
    }

    /// <inheritdoc />
    public OffloadReport Offload(string link)
    {
        return _ports.Offload(link);
    }

    /// <inheritdoc />
    public AuditReport ReadAudit()
    {
        return _reader.ReadAudit();
    }

    /// <summary>Stops the dock endpoints and releases the GPIO controller and the crypto engine.</summary>
    public void Dispose()
    {
        _ports.Dispose();
        _button?.Dispose();
        _gpio.Dispose();
        Crypto.Dispose();
    }

    /// <summary>
    /// Enrols an unprovisioned device on its first boot as the dock's provision command would do it
    /// (docs/dock-protocol.md, "Provision"), with the municipality keys the emulator generated or loaded from --keys,
    /// unless the options say the device starts unprovisioned.
    /// </summary>
    /// <param name="provisioning">The loaded provisioning store.</param>
    /// <param name="audit">The audit log of this boot.</param>
    internal void ProvisionAtFirstBoot(ProvisioningStore provisioning, IAuditLog audit)
    {
        if (_firstBoot && provisioning.State == ProvisioningState.Unprovisioned && (_options.Overrides.Provisioned ?? true))
        {
            provisioning.Provision(
                _options.Municipality,
                _options.Keys.AuthorityPublicKey(_options.Municipality),
                new[] { _options.Keys.RecipientPublicKey(_options.Municipality) });
            audit.Append(AuditEventType.Provisioned, AuditTimeBase.None, 0, _options.Municipality);
        }

        _firstBoot = false;
    }

    /// <summary>Counts a storage error met by recovery while booting.</summary>
    internal void CountBootStorageError()
    {
        BootStorageErrors++;
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

    // The board's composition at boot is the device's own (DeviceBuilder): storage-backed audit trail, provisioning
    // and configuration stores, recovery of an interrupted recording, the encrypted writer, the core, and the dock
    // service on the USB link with the board's CRC unit. The emulator passes its simulated parts and observes
    // through the hooks: everything appended to the audit trail is also copied to Audit for the timeline.
    private DeviceCore ComposeFirmware()
    {
        var builder = new DeviceBuilder(new BoardParts
        {
            Clock = Clock,
            RealTimeClock = RealTimeClock,
            Battery = Battery,
            Camera = Camera,
            Cues = Cues,
            Storage = Storage,
            InternalStorage = InternalStorage,
            Crypto = Crypto,
            SecureElement = SecureElement,
            Random = Random,
            DockChannel = DockLink,
            FrameCrc = new SimulatedCrcUnit(),
        })
        {
            Configuration = EmulatedBoardSettings.Configuration(_options.Overrides, _options.Camera),
            Budget = EmulatedBoardSettings.Budget(_options.Camera, Camera.Buffer.Length),
            WriterOptions = EmulatedBoardSettings.WriterOptions(_options),
            FirmwareVersion = FirmwareVersion,
            Hooks = new EmulatorAssemblyHooks(this, _sink),
        };
        DeviceAssembly device = builder.Build();
        _store = device.RecordingStore;
        DeviceCore core = device.Core;
        _sink.PreRecordWindowMilliseconds = core.Configuration.PreRecordWindowMilliseconds;
        core.StateChanged += OnStateChanged;
        AuditTrail = device.AuditTrail;
        Provisioning = device.Provisioning;
        ConfigurationStore = device.ConfigurationStore;
        DockService = device.DockService;
        Core = core;
        DockLink.Attach(device.DockService);
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
}
