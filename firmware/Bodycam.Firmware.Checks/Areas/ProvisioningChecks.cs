using Bodycam.Firmware.Checks.Doubles;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>Enrolment kept in two signed copies (docs/dock-protocol.md, "Provision").</summary>
public static class ProvisioningChecks
{
    /// <summary>A provisioned device loads its municipality and keys after a reboot; a reset forgets them.</summary>
    public static void ProvisionPersistsAndResets()
    {
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var se = new DeterministicSecureElement("device-1");
        var authority = new DeterministicSecureElement("authority");
        var recipient = new DeterministicSecureElement("recipient");
        var store = new ProvisioningStore(storage, crypto, se);
        store.Load();
        Check.True(!store.IsProvisioned, "new device unprovisioned");
        store.Provision("oldebroek", authority.PublicKey, new byte[][] { recipient.PublicKey });

        var loaded = new ProvisioningStore(storage, crypto, se);
        loaded.Load();
        Check.True(loaded.IsProvisioned, "provisioned after reboot");
        Check.Equal("oldebroek", loaded.MunicipalityId, "municipality");
        byte[] key = new byte[32];
        loaded.ReadRecipientKey(0, key, 0);
        Check.Bytes(recipient.PublicKey, key, 0, "recipient key");

        loaded.Reset();
        var again = new ProvisioningStore(storage, crypto, se);
        again.Load();
        Check.True(!again.IsProvisioned, "unprovisioned after reset");
    }

    /// <summary>A copy signed by another device is not accepted.</summary>
    public static void CopyOfAnotherDeviceIgnored()
    {
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var store = new ProvisioningStore(storage, crypto, new DeterministicSecureElement("device-1"));
        store.Load();
        store.Provision("hattem", new byte[32], new byte[][] { new byte[32] });

        var other = new ProvisioningStore(storage, crypto, new DeterministicSecureElement("device-2"));
        other.Load();
        Check.True(!other.IsProvisioned, "another device's copy is ignored");
    }
}
