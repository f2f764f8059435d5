namespace Bodycam.Firmware.Provisioning;

/// <summary>The state of the provisioning store.</summary>
public enum ProvisioningState
{
    /// <summary>Never enrolled.</summary>
    Unprovisioned = 0,

    /// <summary>Enrolled in a municipality.</summary>
    Provisioned = 1,

    /// <summary>The enrolment was cleared by an authorised reset; the device may be enrolled again.</summary>
    Reset = 2,

    /// <summary>
    /// The store exists but no copy carries a valid device signature: it was altered outside the firmware. The device
    /// is not provisioned and refuses a new enrolment (docs/dock-protocol.md, "Provision").
    /// </summary>
    Tampered = 3,
}
