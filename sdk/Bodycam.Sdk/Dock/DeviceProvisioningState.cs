namespace Bodycam.Sdk.Dock;

/// <summary>A device's enrolment state as it reports it.</summary>
public enum DeviceProvisioningState
{
    /// <summary>Never enrolled.</summary>
    Unprovisioned = 0,

    /// <summary>Enrolled in a municipality.</summary>
    Provisioned = 1,

    /// <summary>Enrolment cleared by an authorised reset.</summary>
    Reset = 2,

    /// <summary>Its provisioning store was altered outside the firmware.</summary>
    Tampered = 3,
}
