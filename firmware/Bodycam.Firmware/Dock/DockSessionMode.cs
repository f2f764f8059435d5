namespace Bodycam.Firmware.Dock;

/// <summary>
/// Who a dock session is authenticated as (docs/dock-protocol.md, "Authentication"); the values are the mode byte of
/// AuthProve and of the Info answer.
/// </summary>
public enum DockSessionMode
{
    /// <summary>No session.</summary>
    None = 0,

    /// <summary>Authenticated with the municipality's authority key.</summary>
    Authority = DockProtocol.ModeAuthority,

    /// <summary>Authenticated with a dock key the authority certified.</summary>
    DockCertificate = DockProtocol.ModeDockCertificate,
}
