namespace Bodycam.Sdk.Keys;

/// <summary>What a municipality key pair is for (docs/recording-format.md, "Key files").</summary>
public enum KeyType
{
    /// <summary>An X25519 recipient key: recordings are sealed to its public half; the private half decrypts them.</summary>
    Recipient = 1,

    /// <summary>An Ed25519 authority key: signs dock commands and configuration the devices accept.</summary>
    Authority = 2,

    /// <summary>
    /// An Ed25519 dock key: opens sessions on the municipality's devices once the authority certified it
    /// (docs/dock-protocol.md, "Dock keys"); it cannot push configuration, provision or reset.
    /// </summary>
    Dock = 3,

    /// <summary>
    /// An Ed25519 evidence-vault actor key: one person's proof of who they are to <c>bodycam vault</c>
    /// (docs/evidence-vault.md, "Actors and their keys"); it has no power over devices or recordings.
    /// </summary>
    Actor = 4,
}
