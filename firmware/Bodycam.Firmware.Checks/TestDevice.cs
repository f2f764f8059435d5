using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Checks.Doubles;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Checks;

/// <summary>
/// A whole device for the checks, composed by the device's own <see cref="DeviceBuilder"/> on in-memory doubles
/// (RAM storage, the deterministic crypto engine and secure element, a manual clock): the same composition the
/// board and the emulator use. A simple camera model hands the core 25 fps video (a key frame each second) and
/// 100 ms audio blocks while the core runs the camera. Everything the device does goes into <see cref="Trace"/>.
/// </summary>
public sealed class TestDevice : IDeviceAssemblyHooks
{
    /// <summary>The municipality the device is enrolled for.</summary>
    public const string Municipality = "heerde";

    /// <summary>The Unix time the real-time clock is set to at first power-on (2026-09-21).</summary>
    public const long SetTime = 1790000000000;

    private const int VideoIntervalMilliseconds = 40;
    private const int AudioIntervalMilliseconds = 100;
    private const int FramesPerKeyFrame = 25;

    private byte[] _frame = new byte[2048];
    private long _nextVideo = -1;
    private long _nextAudio = -1;
    private int _videoIndex;

    /// <summary>Initializes a new instance of the <see cref="TestDevice"/> class, off, with a 64 MiB card.</summary>
    public TestDevice()
        : this(64L * 1024 * 1024)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TestDevice"/> class, off.</summary>
    /// <param name="cardBytes">The card's capacity.</param>
    public TestDevice(long cardBytes)
    {
        Trace = new Trace();
        Clock = new ManualClock();
        Trace.Clock = Clock;
        RealTimeClock = new ManualRealTimeClock(Clock);
        RealTimeClock.Set(SetTime);
        Battery = new StubBattery();
        Camera = new StubCamera();
        Cues = new CueLog(Trace);
        Storage = new MemoryStorage(cardBytes);
        InternalStorage = new MemoryStorage(64 * 1024);
        Crypto = new DeterministicCryptoEngine();
        SecureElement = new DeterministicSecureElement("device-1");
        Authority = new DeterministicSecureElement("authority");
        Recipient = new DeterministicSecureElement("recipient");
        Random = new CountingRandom(7);
        Channel = new CapturingChannel();
        Provisioned = true;
        Audio = true;
    }

    /// <summary>Gets what the device did.</summary>
    public Trace Trace { get; }

    /// <summary>Gets the monotonic clock.</summary>
    public ManualClock Clock { get; }

    /// <summary>Gets the real-time clock (set at construction).</summary>
    public ManualRealTimeClock RealTimeClock { get; }

    /// <summary>Gets the battery.</summary>
    public StubBattery Battery { get; }

    /// <summary>Gets the camera.</summary>
    public StubCamera Camera { get; }

    /// <summary>Gets the LEDs and cues.</summary>
    public CueLog Cues { get; }

    /// <summary>Gets the card.</summary>
    public MemoryStorage Storage { get; }

    /// <summary>Gets the device-internal storage (the journal of open files; survives a card swap).</summary>
    public MemoryStorage InternalStorage { get; }

    /// <summary>Gets the crypto engine double.</summary>
    public DeterministicCryptoEngine Crypto { get; }

    /// <summary>Gets the secure element double.</summary>
    public DeterministicSecureElement SecureElement { get; }

    /// <summary>Gets the municipality's authority key holder (signs dock challenges).</summary>
    public DeterministicSecureElement Authority { get; }

    /// <summary>Gets the municipality's recipient key holder.</summary>
    public DeterministicSecureElement Recipient { get; }

    /// <summary>Gets the random source.</summary>
    public CountingRandom Random { get; }

    /// <summary>Gets the dock link's output.</summary>
    public CapturingChannel Channel { get; }

    /// <summary>Gets or sets a value indicating whether the first power-on enrols the device (default true).</summary>
    public bool Provisioned { get; set; }

    /// <summary>Gets or sets a value indicating whether the camera model sends audio blocks (default true).</summary>
    public bool Audio { get; set; }

    /// <summary>Gets or sets a value indicating whether each frame handed to the writer is traced (default true).</summary>
    public bool TraceFrames { get; set; } = true;

    /// <summary>Gets or sets the storage the device is built with instead of <see cref="Storage"/>, or null.</summary>
    public IFileStorage? StorageOverride { get; set; }

    /// <summary>Gets or sets the crypto engine the device is built with instead of <see cref="Crypto"/>, or null.</summary>
    public ICryptoEngine? EngineOverride { get; set; }

    /// <summary>Gets or sets the secure element the device is built with instead of <see cref="SecureElement"/>, or null.</summary>
    public ISecureElement? SecureElementOverride { get; set; }

    /// <summary>Gets or sets the random source the device is built with instead of <see cref="Random"/>, or null.</summary>
    public IRandom? RandomOverride { get; set; }

    /// <summary>Gets or sets the authority public key provisioned instead of <see cref="Authority"/>'s, or null.</summary>
    public byte[]? AuthorityKeyOverride { get; set; }

    /// <summary>Gets or sets the recipient public key provisioned instead of <see cref="Recipient"/>'s, or null.</summary>
    public byte[]? RecipientKeyOverride { get; set; }

    /// <summary>Gets or sets the video frame size of the camera model; 0 (default) gives 200 to 600 bytes.</summary>
    public int VideoFrameBytes { get; set; }

    /// <summary>Gets or sets the largest plaintext segment (default 8 KiB, so short checks seal many segments).</summary>
    public int SegmentMaxBytes { get; set; } = 8192;

    /// <summary>Gets or sets the longest file before a continuation file (default 30 min, the writer's default).</summary>
    public int FileMaxMilliseconds { get; set; } = 30 * 60 * 1000;

    /// <summary>Gets or sets the settings the next power-on builds from (null: defaults with a small ring).</summary>
    public DeviceConfiguration? Configuration { get; set; }

    /// <summary>Gets the composed device, or null while off.</summary>
    public DeviceAssembly? Assembly { get; private set; }

    /// <summary>Gets the writer wrapper that traces what the core hands the writer, or null while off.</summary>
    public TracingSink? Sink { get; private set; }

    /// <summary>Gets the core; fails while off.</summary>
    public DeviceCore Core
    {
        get
        {
            if (Assembly == null)
            {
                throw new CheckFailedException("the device is off");
            }

            return Assembly.Core;
        }
    }

    /// <summary>The settings the checks use: defaults with a 2 MiB ring (room for 30 s of the camera model).</summary>
    /// <returns>New settings.</returns>
    public static DeviceConfiguration SmallConfiguration()
    {
        var configuration = new DeviceConfiguration();
        configuration.PreRecordArenaBytes = 2 * 1024 * 1024;
        configuration.PreRecordFrameCapacity = 2048;
        configuration.StorageReserveBytes = 64 * 1024;
        return configuration;
    }

    /// <summary>Builds the device through <see cref="DeviceBuilder"/> and boots it.</summary>
    public void PowerOn()
    {
        var builder = new DeviceBuilder(new BoardParts
        {
            Clock = Clock,
            RealTimeClock = RealTimeClock,
            Battery = Battery,
            Camera = Camera,
            Cues = Cues,
            Storage = StorageOverride != null ? StorageOverride : Storage,
            InternalStorage = InternalStorage,
            Crypto = EngineOverride != null ? EngineOverride : Crypto,
            SecureElement = SecureElementOverride != null ? SecureElementOverride : SecureElement,
            Random = RandomOverride != null ? RandomOverride : Random,
            DockChannel = Channel,
        });
        if (VideoFrameBytes > _frame.Length)
        {
            _frame = new byte[VideoFrameBytes];
        }

        builder.Configuration = Configuration != null ? Configuration : SmallConfiguration();
        builder.WriterOptions = new RecordingWriterOptions
        {
            DeviceId = "HEE-01",
            SegmentMaxBytes = SegmentMaxBytes,
            FileMaxMilliseconds = FileMaxMilliseconds,
        };
        builder.FirmwareVersion = "checks";
        builder.Hooks = this;
        Trace.Add("power on");
        Assembly = builder.Build();
        Assembly.Core.StateChanged += OnStateChanged;
        Assembly.Core.Boot(false);
        Assembly.Core.Poll();
    }

    /// <summary>Cuts the power: nothing is closed or flushed, an injected write fault clears; the next power-on recovers.</summary>
    public void PowerCut()
    {
        Trace.Add("power cut");
        // As the emulator's card: an injected write fault is cleared by the power cycle; the files stay.
        Storage.FailWrites = false;
        Assembly = null;
        Sink = null;
        Camera.Stop();
        _nextVideo = -1;
        _nextAudio = -1;
    }

    /// <summary>Queues a button edge now and lets the core handle it.</summary>
    /// <param name="pressed">True when the button goes down.</param>
    public void Edge(bool pressed)
    {
        Trace.Add(pressed ? "press" : "release");
        Core.EnqueueButtonEdge(pressed, Clock.Now);
        Core.Poll();
    }

    /// <summary>Places the device in the dock or takes it out.</summary>
    /// <param name="docked">True for in the dock.</param>
    public void Dock(bool docked)
    {
        Trace.Add(docked ? "dock" : "undock");
        Core.EnqueueDockDetect(docked, Clock.Now);
        Core.Poll();
    }

    /// <summary>Two 100 ms presses 150 ms apart, then 700 ms so the double-press window closes.</summary>
    public void DoublePress()
    {
        Edge(true);
        Advance(100);
        Edge(false);
        Advance(150);
        Edge(true);
        Advance(100);
        Edge(false);
        Advance(700);
    }

    /// <summary>One 100 ms press, then 700 ms.</summary>
    public void SinglePress()
    {
        Edge(true);
        Advance(100);
        Edge(false);
        Advance(700);
    }

    /// <summary>Holds the button for <paramref name="milliseconds"/>, then releases it.</summary>
    /// <param name="milliseconds">How long.</param>
    public void Hold(long milliseconds)
    {
        Edge(true);
        Advance(milliseconds);
        Edge(false);
        Advance(100);
    }

    /// <summary>
    /// Moves time forward, event by event: camera frames while the camera runs, the core's deadlines, polling the
    /// core and the dock service at each step.
    /// </summary>
    /// <param name="milliseconds">How far.</param>
    public void Advance(long milliseconds)
    {
        long target = Clock.Now + milliseconds;
        while (true)
        {
            if (Assembly == null)
            {
                Clock.Now = target;
                return;
            }

            SyncCamera();
            long next = target;
            if (_nextVideo >= 0 && _nextVideo < next)
            {
                next = _nextVideo;
            }

            if (_nextAudio >= 0 && _nextAudio < next)
            {
                next = _nextAudio;
            }

            long deadline = Core.NextDeadlineMilliseconds;
            if (deadline < next)
            {
                next = deadline > Clock.Now ? deadline : Clock.Now;
            }

            if (next > Clock.Now)
            {
                Clock.Now = next;
            }

            bool busy = false;
            if (_nextVideo >= 0 && _nextVideo <= Clock.Now)
            {
                int length = VideoFrameBytes > 0 ? VideoFrameBytes : 200 + ((_videoIndex * 37) % 400);
                bool key = _videoIndex % FramesPerKeyFrame == 0;
                Fill(_videoIndex, length);
                Core.OnFrame(FrameKind.Video, key, _nextVideo, _frame, 0, length);
                _videoIndex++;
                _nextVideo += VideoIntervalMilliseconds;
                busy = true;
            }

            if (Assembly != null && _nextAudio >= 0 && _nextAudio <= Clock.Now)
            {
                Fill(100000 + (int)(_nextAudio / AudioIntervalMilliseconds), 320);
                Core.OnFrame(FrameKind.Audio, true, _nextAudio, _frame, 0, 320);
                _nextAudio += AudioIntervalMilliseconds;
                busy = true;
            }

            if (Assembly == null)
            {
                continue;
            }

            Core.Poll();
            Assembly.DockService.Poll();
            busy |= Core.NextDeadlineMilliseconds <= Clock.Now;
            if (Clock.Now >= target && !busy)
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public IAuditLog WrapAudit(IAuditLog trail)
    {
        return new TracingAuditLog(trail, Trace);
    }

    /// <inheritdoc/>
    public void ProvisioningLoaded(ProvisioningStore provisioning, IAuditLog audit)
    {
        if (Provisioned && provisioning.State == ProvisioningState.Unprovisioned)
        {
            provisioning.Provision(
                Municipality,
                AuthorityKeyOverride != null ? AuthorityKeyOverride : Authority.PublicKey,
                new byte[][] { RecipientKeyOverride != null ? RecipientKeyOverride : Recipient.PublicKey });
            audit.Append(AuditEventType.Provisioned, AuditTimeBase.None, 0, Municipality);
        }
    }

    /// <inheritdoc/>
    public void RecordingRecovered(string recordingId)
    {
        Trace.Add("recovered " + recordingId);
    }

    /// <inheritdoc/>
    public void RecoveryFailed(StorageException error)
    {
        Trace.Add("recovery failed " + ((int)error.Error).ToString());
    }

    /// <inheritdoc/>
    public IRecordingSink WrapRecordings(RecordingWriter writer)
    {
        Sink = new TracingSink(writer, Trace);
        Sink.TraceFrames = TraceFrames;
        return Sink;
    }

    private void SyncCamera()
    {
        if (Camera.Running && _nextVideo < 0)
        {
            _nextVideo = Clock.Now;
            _nextAudio = Audio ? Clock.Now : -1;
            _videoIndex = 0;
        }
        else if (!Camera.Running)
        {
            _nextVideo = -1;
            _nextAudio = -1;
        }
    }

    private void Fill(int seed, int length)
    {
        for (int i = 0; i < length; i++)
        {
            _frame[i] = (byte)((seed * 31) + (i * 7));
        }
    }

    private void OnStateChanged(object sender, DeviceStateChangedEventArgs e)
    {
        Trace.Add("state " + ((int)e.Current).ToString() + " fault " + ((int)e.Fault).ToString());
    }
}
