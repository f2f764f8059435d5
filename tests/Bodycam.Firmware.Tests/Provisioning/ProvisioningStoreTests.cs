using System;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Provisioning;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Provisioning;

public class ProvisioningStoreTests
{
    private readonly SimulatedStorage _storage = new(1L << 30);
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement = SimulatedSecureElement.Create(new SimulatedRandom(4));

    [Fact]
    public void Load_EmptyStorage_IsUnprovisioned()
    {
        ProvisioningStore store = Load();

        Assert.Equal(ProvisioningState.Unprovisioned, store.State);
        Assert.False(store.IsProvisioned);
    }

    [Fact]
    public void Provision_ThenReload_KeepsKeysAndMunicipality()
    {
        Load().Provision("oldebroek", Key(1), [Key(2), Key(3)]);

        ProvisioningStore store = Load();

        Assert.True(store.IsProvisioned);
        Assert.Equal("oldebroek", store.MunicipalityId);
        Assert.Equal(2, store.RecipientCount);
        byte[] key = new byte[32];
        store.ReadRecipientKey(1, key, 0);
        Assert.Equal(Key(3), key);
        store.ReadAuthorityKey(key, 0);
        Assert.Equal(Key(1), key);
    }

    [Fact]
    public void Provision_WhenProvisioned_Throws()
    {
        ProvisioningStore store = Load();
        store.Provision("heerde", Key(1), [Key(2)]);

        Assert.Throws<InvalidOperationException>(() => store.Provision("hattem", Key(4), [Key(5)]));
        Assert.Equal("heerde", Load().MunicipalityId);
    }

    [Fact]
    public void Reset_ThenReload_AllowsNewProvisioning()
    {
        ProvisioningStore store = Load();
        store.Provision("heerde", Key(1), [Key(2)]);
        store.Reset();

        ProvisioningStore reloaded = Load();
        reloaded.Provision("hattem", Key(4), [Key(5)]);

        Assert.Equal(ProvisioningState.Provisioned, Load().State);
        Assert.Equal("hattem", Load().MunicipalityId);
    }

    [Fact]
    public void Load_EditedCopy_IsTamperedAndRefusesProvisioning()
    {
        Load().Provision("heerde", Key(1), [Key(2)]);
        foreach (string name in _storage.List())
        {
            byte[] bytes = _storage.ReadAllBytes(name);
            bytes[10] ^= 1;
            _storage.WriteAllBytes(name, bytes);
        }

        ProvisioningStore store = Load();

        Assert.Equal(ProvisioningState.Tampered, store.State);
        Assert.Throws<InvalidOperationException>(() => store.Provision("heerde", Key(9), [Key(2)]));
    }

    [Fact]
    public void Load_NewestCopyTorn_FallsBackToPrevious()
    {
        ProvisioningStore store = Load();
        store.Provision("heerde", Key(1), [Key(2)]);
        store.Reset();
        string newest = "provisioning.1";
        byte[] bytes = _storage.ReadAllBytes(newest);
        _storage.WriteAllBytes(newest, bytes[..20]);

        ProvisioningStore reloaded = Load();

        Assert.Equal(ProvisioningState.Provisioned, reloaded.State);
        Assert.Equal("heerde", reloaded.MunicipalityId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Heerde")]
    [InlineData("a b")]
    public void Provision_BadMunicipalityId_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => Load().Provision(id, Key(1), [Key(2)]));
    }

    private static byte[] Key(int seed)
    {
        byte[] key = new byte[32];
        new Random(seed).NextBytes(key);
        return key;
    }

    private ProvisioningStore Load()
    {
        ProvisioningStore store = new(_storage, _crypto, _secureElement);
        store.Load();
        return store;
    }
}
