using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Boot;

/// <summary>
/// The parts a board passes to <see cref="DeviceBuilder"/>: the only thing that differs between the reference board,
/// the emulator and the tests. Every property must be set before <see cref="DeviceBuilder.Build"/>; the board owns the
/// parts and disposes them.
/// </summary>
public sealed class BoardParts
{
    /// <summary>Gets or sets the monotonic clock.</summary>
    public IClock? Clock { get; set; }

    /// <summary>Gets or sets the battery-backed real-time clock.</summary>
    public IRealTimeClock? RealTimeClock { get; set; }

    /// <summary>Gets or sets the battery gauge.</summary>
    public IBattery? Battery { get; set; }

    /// <summary>Gets or sets the camera and encoder.</summary>
    public ICamera? Camera { get; set; }

    /// <summary>Gets or sets the LEDs, buzzer and vibration motor.</summary>
    public ICueOutput? Cues { get; set; }

    /// <summary>Gets or sets the storage volume (the SD card on the device).</summary>
    public IFileStorage? Storage { get; set; }

    /// <summary>
    /// Gets or sets the device-internal storage (the MCU's internal flash partition on the device): holds the journal
    /// of open recording files, which a card swap must not reach (docs/recording-format.md §5). Never the card.
    /// </summary>
    public IFileStorage? InternalStorage { get; set; }

    /// <summary>Gets or sets the crypto engine (AES-GCM, SHA-256, HKDF, X25519, Ed25519 verification).</summary>
    public ICryptoEngine? Crypto { get; set; }

    /// <summary>Gets or sets the secure element holding the device identity key.</summary>
    public ISecureElement? SecureElement { get; set; }

    /// <summary>Gets or sets the hardware random source.</summary>
    public IRandom? Random { get; set; }

    /// <summary>Gets or sets the byte channel to the docking station (USB CDC serial on the device).</summary>
    public IByteChannel? DockChannel { get; set; }

    /// <summary>Gets or sets the CRC unit for dock frames; null uses <see cref="SoftwareFrameCrc"/>.</summary>
    public IFrameCrc? FrameCrc { get; set; }
}
