using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Boot;

/// <summary>
/// The one place the device is composed: the reference board's entry point, the emulator and the tests on nanoCLR
/// all build the device here and differ only in the <see cref="BoardParts"/>, the board's settings and budget they
/// pass in. <see cref="Build"/> does, in this order: open the audit trail; load provisioning; load the stored
/// configuration over the board's settings; size the pre-record ring from the <see cref="Budget"/>; close the
/// recordings a power cut left open that the journal of open files (on <see cref="BoardParts.InternalStorage"/>) proves
/// the device opened (each with a "recording recovered" audit record), and report every other unclosed recording file
/// with a "foreign file" audit record, leaving it untouched (a storage error there, in recovery or in its audit
/// record, is kept and the boot goes on); build the encrypted writer,
/// the core and the dock service on the board's dock channel.
/// </summary>
/// <remarks>
/// A storage error during recovery does not stop the boot: the core meets the card's state at its next write and
/// enters the StorageError fault (docs/state-machine.md); what recovery could not close stays on the card for the next
/// boot. The error is kept in <see cref="DeviceAssembly.RecoveryError"/> and passed to the hooks, never dropped. A lost
/// supply (<see cref="StorageError.PowerLost"/>) ends the boot: it is thrown to the board.
/// </remarks>
public sealed class DeviceBuilder
{
    /// <summary>The audit trail's file on the storage volume.</summary>
    public const string AuditFileName = "audit.log";

    private readonly BoardParts _parts;

    /// <summary>Initializes a new instance of the <see cref="DeviceBuilder"/> class.</summary>
    /// <param name="parts">The board's parts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
    public DeviceBuilder(BoardParts parts)
    {
        if (parts == null)
        {
            throw new ArgumentNullException("parts");
        }

        _parts = parts;
        Configuration = new DeviceConfiguration();
        WriterOptions = new RecordingWriterOptions();
        DockOptions = new DockServiceOptions();
        FirmwareVersion = string.Empty;
    }

    /// <summary>
    /// Gets or sets the board's settings; a configuration stored by the dock is loaded over them and the ring is sized
    /// in this object, which the core then uses. Default: <see cref="DeviceConfiguration"/>'s defaults.
    /// </summary>
    public DeviceConfiguration Configuration { get; set; }

    /// <summary>Gets or sets the pre-record memory budget; null keeps the configuration's arena and index sizes.</summary>
    public PreRecordBudget? Budget { get; set; }

    /// <summary>Gets or sets the recording header's fields; its device id is also what the dock reports.</summary>
    public RecordingWriterOptions WriterOptions { get; set; }

    /// <summary>Gets or sets the dock service's limits.</summary>
    public DockServiceOptions DockOptions { get; set; }

    /// <summary>Gets or sets the firmware version the dock reports.</summary>
    public string FirmwareVersion { get; set; }

    /// <summary>Gets or sets the board's observation hooks, or null (the reference board).</summary>
    public IDeviceAssemblyHooks? Hooks { get; set; }

    /// <summary>Composes the device (see the class remarks for the order). The core is returned not booted.</summary>
    /// <returns>The composed device.</returns>
    /// <exception cref="ArgumentException">A board part is missing.</exception>
    /// <exception cref="ConfigurationException">A setting or a sized ring is out of range.</exception>
    /// <exception cref="StorageException">The storage failed while opening the trail or the stores, or the supply was
    /// lost.</exception>
    public DeviceAssembly Build()
    {
        IClock clock = Require(_parts.Clock, "Clock");
        IRealTimeClock realTimeClock = Require(_parts.RealTimeClock, "RealTimeClock");
        IBattery battery = Require(_parts.Battery, "Battery");
        ICamera camera = Require(_parts.Camera, "Camera");
        ICueOutput cues = Require(_parts.Cues, "Cues");
        IFileStorage storage = Require(_parts.Storage, "Storage");
        IFileStorage internalStorage = Require(_parts.InternalStorage, "InternalStorage");
        if (internalStorage == storage)
        {
            throw new ArgumentException("BoardParts.InternalStorage must not be the card.", "parts");
        }
        ICryptoEngine crypto = Require(_parts.Crypto, "Crypto");
        ISecureElement secureElement = Require(_parts.SecureElement, "SecureElement");
        IRandom random = Require(_parts.Random, "Random");
        IByteChannel dockChannel = Require(_parts.DockChannel, "DockChannel");
        IFrameCrc frameCrc = _parts.FrameCrc != null ? _parts.FrameCrc : new SoftwareFrameCrc();
        IDeviceAssemblyHooks? hooks = Hooks;

        var trail = new AuditTrail(storage, crypto, secureElement, AuditFileName);
        trail.Open();
        IAuditLog audit = hooks != null ? hooks.WrapAudit(trail) : trail;

        var provisioning = new ProvisioningStore(storage, crypto, secureElement);
        provisioning.Load();
        if (hooks != null)
        {
            hooks.ProvisioningLoaded(provisioning, audit);
        }

        DeviceConfiguration configuration = Configuration;
        var configurationStore = new ConfigurationStore(storage, crypto, secureElement);
        configurationStore.CameraKeyFrameIntervalMilliseconds = configuration.CameraKeyFrameIntervalMilliseconds;
        configurationStore.Load(configuration);
        if (Budget != null)
        {
            Budget.Apply(configuration);
        }

        var store = new RecordingStore(storage, internalStorage, crypto, secureElement, configuration.StorageReserveBytes);
        string[] recovered = new string[0];
        StorageException? recoveryError = null;
        try
        {
            recovered = store.RecoverInterrupted();
            for (int i = 0; i < recovered.Length; i++)
            {
                audit.Append(AuditEventType.RecordingRecovered, AuditTimeBase.None, 0, recovered[i]);
                if (hooks != null)
                {
                    hooks.RecordingRecovered(recovered[i]);
                }
            }

            AuditForeign(store.ForeignFiles, storage, new ForeignFileLedger(internalStorage), audit);
        }
        catch (StorageException e)
        {
            if (e.Error == StorageError.PowerLost)
            {
                throw;
            }

            recoveryError = e;
        }

        if (recoveryError != null && hooks != null)
        {
            hooks.RecoveryFailed(recoveryError);
        }

        var writer = new RecordingWriter(WriterOptions, store, crypto, secureElement, random, provisioning);
        IRecordingSink recordings = hooks != null ? hooks.WrapRecordings(writer) : writer;
        var core = new DeviceCore(configuration, new DeviceHardware
        {
            Clock = clock,
            RealTimeClock = realTimeClock,
            Battery = battery,
            Camera = camera,
            Cues = cues,
            Recordings = recordings,
            Audit = audit,
            Provisioning = provisioning,
        });
        var status = new DeviceCoreDockStatus(core, WriterOptions.DeviceId, FirmwareVersion);
        configurationStore.Attach(status);
        var dock = new DockService(
            new DockServiceParts
            {
                Channel = dockChannel,
                Clock = clock,
                RealTimeClock = realTimeClock,
                Random = random,
                Crypto = crypto,
                SecureElement = secureElement,
                Battery = battery,
                Storage = storage,
                Provisioning = provisioning,
                Audit = audit,
                AuditReader = trail,
                Recordings = new RecordingStoreDockRecordings(store),
                Status = status,
                Configuration = configurationStore,
                FrameCrc = frameCrc,
            },
            DockOptions);
        return new DeviceAssembly(
            core, trail, audit, provisioning, configurationStore, store, writer, dock, recovered, recoveryError);
    }

    // One "foreign file" record per recording id (the id is readable from every recording file name), when one of its
    // files is new to the ledger or changed length since the last boot that found it: never one per boot, which would
    // count the device's power-ons (docs/audit-trail.md). The record is written before the ledger, so a power loss in
    // between reports the file again rather than never.
    private static void AuditForeign(string[] files, IFileStorage card, ForeignFileLedger ledger, IAuditLog audit)
    {
        string[] known = ledger.Load();
        if (files.Length == 0 && known.Length == 0)
        {
            return;
        }

        string[] entries = new string[files.Length];
        bool changed = files.Length != known.Length;
        for (int i = 0; i < files.Length; i++)
        {
            entries[i] = ForeignFileLedger.Entry(files[i], card.GetLength(files[i]));
            changed = changed || !ForeignFileLedger.Holds(known, entries[i]);
        }

        for (int i = 0; i < files.Length; i++)
        {
            string id = RecordingIdOf(files[i]);
            bool seen = false;
            for (int j = 0; j < i && !seen; j++)
            {
                seen = RecordingIdOf(files[j]) == id;
            }

            bool reported = true;
            for (int j = i; j < files.Length && !seen && reported; j++)
            {
                reported = RecordingIdOf(files[j]) != id || ForeignFileLedger.Holds(known, entries[j]);
            }

            if (!seen && !reported)
            {
                audit.Append(AuditEventType.ForeignFile, AuditTimeBase.None, 0, id);
            }
        }

        if (changed)
        {
            ledger.Save(entries);
        }
    }

    private static string RecordingIdOf(string fileName)
    {
        string id;
        int index;
        return RecordingFormat.TryParseFileName(fileName, out id, out index) ? id : fileName;
    }

    private static IClock Require(IClock? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static IRealTimeClock Require(IRealTimeClock? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static IBattery Require(IBattery? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static ICamera Require(ICamera? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static ICueOutput Require(ICueOutput? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static IFileStorage Require(IFileStorage? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static ICryptoEngine Require(ICryptoEngine? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static ISecureElement Require(ISecureElement? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static IRandom Require(IRandom? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static IByteChannel Require(IByteChannel? part, string name)
    {
        return part != null ? part : throw Missing(name);
    }

    private static ArgumentException Missing(string name)
    {
        return new ArgumentException("BoardParts." + name + " is not set.", "parts");
    }
}
