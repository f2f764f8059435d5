namespace Bodycam.Firmware.Provisioning;

/// <summary>The provisioning that the dock's provision and reset commands may write.</summary>
public interface IProvisioningStore : IProvisioning
{
    /// <summary>Gets the state of the store.</summary>
    ProvisioningState State { get; }

    /// <summary>Enrols the device; only when <see cref="State"/> is unprovisioned or reset.</summary>
    /// <param name="municipalityId">The municipality (1 to 32 characters of a-z, 0-9, '-').</param>
    /// <param name="authorityKey">The authority's 32-byte Ed25519 public key.</param>
    /// <param name="recipientKeys">1 to 8 recipients' 32-byte X25519 public keys.</param>
    void Provision(string municipalityId, byte[] authorityKey, byte[][] recipientKeys);

    /// <summary>Clears the enrolment (the caller checked the authorisation).</summary>
    void Reset();
}
