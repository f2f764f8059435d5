using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Dock;

/// <summary>What the dock service works with; every property must be set before it is passed to the service.</summary>
public sealed class DockServiceParts
{
    /// <summary>Gets or sets the channel responses are sent on.</summary>
    public IByteChannel? Channel { get; set; }

    /// <summary>Gets or sets the monotonic clock (sessions, challenges, frame timeouts, back-off).</summary>
    public IClock? Clock { get; set; }

    /// <summary>Gets or sets the real-time clock (info, set clock, certificate expiry).</summary>
    public IRealTimeClock? RealTimeClock { get; set; }

    /// <summary>Gets or sets the random source for challenges.</summary>
    public IRandom? Random { get; set; }

    /// <summary>Gets or sets the crypto engine (SHA-256 of confirmed files, Ed25519 verification).</summary>
    public ICryptoEngine? Crypto { get; set; }

    /// <summary>Gets or sets the secure element (the device public key in info).</summary>
    public ISecureElement? SecureElement { get; set; }

    /// <summary>Gets or sets the battery gauge.</summary>
    public IBattery? Battery { get; set; }

    /// <summary>Gets or sets the storage volume (capacity and free space in info).</summary>
    public IFileStorage? Storage { get; set; }

    /// <summary>Gets or sets the provisioning store.</summary>
    public IProvisioningStore? Provisioning { get; set; }

    /// <summary>Gets or sets the audit trail the service appends to.</summary>
    public IAuditLog? Audit { get; set; }

    /// <summary>Gets or sets the audit trail's bytes, served to the host.</summary>
    public IAuditTrailReader? AuditReader { get; set; }

    /// <summary>Gets or sets the recording files.</summary>
    public IDockRecordings? Recordings { get; set; }

    /// <summary>Gets or sets the device status.</summary>
    public IDockDeviceStatus? Status { get; set; }

    /// <summary>Gets or sets the frame CRC; when not set, <see cref="SoftwareFrameCrc"/>.</summary>
    public IFrameCrc? FrameCrc { get; set; }

    /// <summary>Gets or sets where pushed configurations go.</summary>
    public IDockConfigurationSink? Configuration { get; set; }
}
