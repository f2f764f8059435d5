using System;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Testing.Dock;

/// <summary>
/// A camera's dock side built from the real dock service, audit trail and provisioning store over host doubles of
/// the HAL and a simple recording list (until the storage manager and device core are wired in).
/// </summary>
public sealed class DockTestDevice
{
    public DockTestDevice(IByteChannel? channel = null, int seed = 1, DockServiceOptions? options = null)
    {
        Channel = channel ?? new CapturingChannel();
        SecureElement = SimulatedSecureElement.Create(new SimulatedRandom(seed));
        Provisioning = new ProvisioningStore(Storage, Crypto, SecureElement);
        Provisioning.Load();
        Audit = new AuditTrail(Storage, Crypto, SecureElement, "audit.log");
        Audit.Open();
        Recordings = new StorageRecordings(Storage);
        Options = options ?? new DockServiceOptions();
        Service = new DockService(
            new DockServiceParts
            {
                Channel = Channel,
                Clock = Clock,
                RealTimeClock = Rtc,
                Random = new SeededRandom(seed),
                Crypto = Crypto,
                SecureElement = SecureElement,
                Battery = Battery,
                Storage = Storage,
                Provisioning = Provisioning,
                Audit = Audit,
                AuditReader = Audit,
                Recordings = Recordings,
                Status = Status,
                Configuration = Configuration,
            },
            Options);
    }

    public IByteChannel Channel { get; }

    public SimulatedStorage Storage { get; } = new(1L << 30);

    public SimulatedCryptoEngine Crypto { get; } = new();

    public SimulatedSecureElement SecureElement { get; }

    public ManualClock Clock { get; } = new();

    public ManualRealTimeClock Rtc { get; } = new();

    public FixedBattery Battery { get; } = new();

    public FixedStatus Status { get; } = new();

    public RecordingConfigurationSink Configuration { get; } = new();

    public ProvisioningStore Provisioning { get; }

    public AuditTrail Audit { get; }

    public StorageRecordings Recordings { get; }

    public DockServiceOptions Options { get; }

    public DockService Service { get; }

    /// <summary>Enrols the device directly (as a factory would), returning nothing; keys are the test's.</summary>
    public void Enrol(string municipalityId, byte[] authorityPrivateKey)
    {
        byte[] authorityPublic = new byte[32];
        Ed25519.GeneratePublicKey(authorityPrivateKey, 0, authorityPublic, 0);
        byte[] recipient = new byte[32];
        new Random(7).NextBytes(recipient);
        Provisioning.Provision(municipalityId, authorityPublic, [recipient]);
    }

    /// <summary>Adds a closed recording file with seeded content.</summary>
    public byte[] AddRecording(string name, int length, int seed)
    {
        byte[] content = new byte[length];
        new Random(seed).NextBytes(content);
        Recordings.Add(name, content);
        return content;
    }
}
