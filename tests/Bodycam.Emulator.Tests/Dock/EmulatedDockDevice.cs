using System;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Dock;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Testing.Dock;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// A camera for end-to-end dock tests: the firmware's recording writer and storage manager, audit trail,
/// provisioning store and dock service, on the emulator's simulated storage, crypto engine, secure element and random
/// source (clocks, battery and status are test doubles), served through the emulator's dock link.
/// </summary>
public sealed class EmulatedDockDevice : IDisposable
{
    private readonly object _boardLock = new();
    private DockTcpEndpoint? _tcp;
    private DockPtyEndpoint? _pty;

    /// <param name="seed">Seeds the device key, storage and random sources.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="crcUnit">Whether frames are checked with the simulated CRC unit.</param>
    /// <param name="claimedDeviceKey">When set, the dock service reports this public key instead of its own while still
    /// signing with its own key: an impostor copying a genuine camera's public key.</param>
    /// <param name="options">The dock service's options (default: the device's defaults).</param>
    public EmulatedDockDevice(int seed = 1, string deviceId = "bc-0001", bool crcUnit = false, byte[]? claimedDeviceKey = null, DockServiceOptions? options = null)
    {
        byte[] identity = new byte[32];
        new Random(seed).NextBytes(identity);
        SecureElement = new SimulatedSecureElement(identity, new SimulatedRandom(seed + 100));
        Storage = new SimulatedStorage(1L << 30, Clock, seed);
        Link = new DockLink(_boardLock);
        Provisioning = new ProvisioningStore(Storage, Crypto, SecureElement);
        Provisioning.Load();
        Audit = new AuditTrail(Storage, Crypto, SecureElement, "audit.log");
        Audit.Open();
        Store = new RecordingStore(Storage, Crypto, SecureElement, 0);
        Writer = new RecordingWriter(new RecordingWriterOptions { DeviceId = deviceId, Width = 320, Height = 240 }, Store, Crypto, SecureElement, new SimulatedRandom(seed + 1), Provisioning);
        Status.DeviceId = deviceId;
        Service = new DockService(
            new DockServiceParts
            {
                Channel = Link,
                Clock = Clock,
                RealTimeClock = Rtc,
                Random = new SimulatedRandom(seed),
                Crypto = Crypto,
                SecureElement = claimedDeviceKey == null ? SecureElement : new ClaimingSecureElement(SecureElement, claimedDeviceKey),
                Battery = new FixedBattery(),
                Storage = Storage,
                Provisioning = Provisioning,
                Audit = Audit,
                AuditReader = Audit,
                Recordings = new RecordingStoreDockRecordings(Store),
                Status = Status,
                Configuration = new RecordingConfigurationSink(),
                FrameCrc = crcUnit ? new SimulatedCrcUnit() : null,
            },
            options ?? new DockServiceOptions());
        Link.Attach(Service);
    }

    public SimulatedStorage Storage { get; }

    public SimulatedCryptoEngine Crypto { get; } = new();

    public SimulatedSecureElement SecureElement { get; }

    public ManualClock Clock { get; } = new();

    public ManualRealTimeClock Rtc { get; } = new();

    public FixedStatus Status { get; } = new();

    public ProvisioningStore Provisioning { get; }

    public AuditTrail Audit { get; }

    public RecordingStore Store { get; }

    public RecordingWriter Writer { get; }

    public DockService Service { get; }

    public DockLink Link { get; }

    public int TcpPort => _tcp?.Port ?? throw new InvalidOperationException("TCP not started");

    public string PtyPath => _pty?.SlavePath ?? throw new InvalidOperationException("pty not started");

    public void StartTcp()
    {
        _tcp = new DockTcpEndpoint(Link, 0);
        _tcp.Start();
    }

    public void StartPty()
    {
        _pty = new DockPtyEndpoint(Link);
        _pty.Start();
    }

    public void Enrol(string municipalityId, byte[] authorityPublicKey, byte[] recipientPublicKey)
    {
        lock (_boardLock)
        {
            Provisioning.Provision(municipalityId, authorityPublicKey, [recipientPublicKey]);
        }
    }

    /// <summary>Makes a closed recording of about <paramref name="seconds"/> seconds at 10 fps with seeded frames.</summary>
    public string Record(int seconds, int frameBytes, int seed)
    {
        lock (_boardLock)
        {
            Random random = new(seed);
            byte[] frame = new byte[frameBytes];
            long start = Clock.Now;
            string id = Writer.Begin(start, Rtc.Unix, Rtc.IsSet);
            for (int i = 0; i < seconds * 10; i++)
            {
                random.NextBytes(frame);
                Writer.AppendFrame(FrameKind.Video, i % 10 == 0, Clock.Now, frame, 0, frame.Length);
                Clock.Advance(100);
            }

            Writer.End(Clock.Now);
            Audit.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, Clock.Now - start, id);
            return id;
        }
    }

    public void Dispose()
    {
        _tcp?.Dispose();
        _pty?.Dispose();
        Crypto.Dispose();
    }

    private sealed class ClaimingSecureElement(ISecureElement inner, byte[] claimed) : ISecureElement
    {
        public void ReadDevicePublicKey(byte[] destination, int offset) => claimed.CopyTo(destination, offset);

        public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset) => inner.Sign(message, offset, count, signature, signatureOffset);

        public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret) => inner.AgreeEphemeral(recipientPublicKey, ephemeralPublicKey, sharedSecret);
    }
}
