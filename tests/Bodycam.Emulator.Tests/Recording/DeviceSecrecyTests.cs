using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Recording;

/// <summary>docs/state-machine.md, "Rules the core keeps": the device can write but never read its recordings; a stolen device reveals nothing.</summary>
public class DeviceSecrecyTests
{
    [Fact]
    public void Decrypt_WithAnythingTheDeviceHolds_Fails()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(2000);
        byte[] file = rig.FirstFile(id);
        var reader = new RecordingReader(file);

        // Everything on the device: its own secret, the provisioned public keys, the authority key, the stored bytes.
        var candidates = new List<byte[]> { rig.SecureElement.ExportIdentitySeedForTests(), rig.DevicePublicKey, new byte[32] };
        for (int i = 0; i < rig.Provisioning.RecipientCount; i++)
        {
            byte[] k = new byte[32];
            rig.Provisioning.ReadRecipientKey(i, k, 0);
            candidates.Add(k);
        }

        byte[] authority = new byte[32];
        rig.Provisioning.ReadAuthorityKey(authority, 0);
        candidates.Add(authority);
        foreach (string name in rig.Storage.List())
        {
            byte[] stored = rig.Storage.ReadAllBytes(name);
            for (int p = 0; p + 32 <= stored.Length; p += 8)
            {
                candidates.Add(stored.AsSpan(p, 32).ToArray());
            }
        }

        foreach (byte[] candidate in candidates)
        {
            Assert.Throws<WrongKeyException>(() => reader.Decrypt(rig.DevicePublicKey, candidate));
        }
    }

    [Fact]
    public void Storage_AfterRecording_HoldsNeitherContentKeyNorPayloadKey()
    {
        using var rig = new RecordingRig();
        string id = rig.Record(2000);
        byte[] file = rig.FirstFile(id);
        RecordingHeader header = new RecordingReader(file).ReadHeader();
        RecipientStanza stanza = header.Recipients[0];

        // Open the stanza the way a recipient does, to learn the keys the device used.
        byte[] shared = X25519.Agree(rig.RecipientPrivateKeys[0], stanza.EphemeralPublicKey.Span);
        byte[] salt = stanza.EphemeralPublicKey.ToArray().Concat(stanza.RecipientPublicKey.ToArray()).ToArray();
        byte[] wrap = Hkdf.DeriveKey(shared, salt, "bodycam/v1/recipient"u8, 32);
        byte[] content = AesGcm256.Open(wrap, new byte[12], stanza.SealedContentKey.Span, ReadOnlySpan<byte>.Empty)!;
        byte[] payload = Hkdf.DeriveKey(content, header.HeaderHash.Span, "bodycam/v1/payload"u8, 32);

        Assert.NotNull(content);
        foreach (string name in rig.Storage.List())
        {
            byte[] stored = rig.Storage.ReadAllBytes(name);
            foreach (byte[] secret in new[] { content, payload, wrap, shared })
            {
                Assert.Equal(-1, stored.AsSpan().IndexOf(secret));
            }
        }
    }
}
