using Bodycam.Evidence.Tests.Support;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class ActorAuthenticationTests
{
    [Theory]
    [SqliteData]
    public void Authenticate_WithTheRegisteredKey_GivesTheActor(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using KeyPair anna = VaultRig.ActorKey(1);
        EvidenceVault vault = rig.Open(roles: VaultRig.RolesWithKeys(("anna", anna)));

        VaultActor actor = vault.Authenticate("anna", anna);

        Assert.Equal("anna", actor.Name);
        Assert.True(actor.Has(VaultRole.PrivacyOfficer));
    }

    [Theory]
    [SqliteData]
    public void Authenticate_WithAnotherActorsKey_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using KeyPair anna = VaultRig.ActorKey(1);
        using KeyPair vera = VaultRig.ActorKey(2);
        EvidenceVault vault = rig.Open(roles: VaultRig.RolesWithKeys(("anna", anna), ("vera", vera)));

        VaultException e = Assert.Throws<VaultException>(() => vault.Authenticate("anna", vera));

        Assert.Equal(VaultError.NotAuthenticated, e.Error);
    }

    [Theory]
    [SqliteData]
    public void Authenticate_AnActorWithoutAKeyLine_IsRefusedNamingTheFix(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using KeyPair anna = VaultRig.ActorKey(1);
        using KeyPair bram = VaultRig.ActorKey(3);
        EvidenceVault vault = rig.Open(roles: VaultRig.RolesWithKeys(("anna", anna)));

        VaultException e = Assert.Throws<VaultException>(() => vault.Authenticate("bram", bram));

        Assert.Equal(VaultError.NotAuthenticated, e.Error);
        Assert.Contains("key bram", e.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    public void Authenticate_WithAKeyOfAnotherType_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using KeyPair anna = VaultRig.ActorKey(1);
        EvidenceVault vault = rig.Open(roles: VaultRig.RolesWithKeys(("anna", anna)));
        using KeyPair authority = KeyPair.FromPrivateKey(KeyType.Authority, new byte[32] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 });

        VaultException e = Assert.Throws<VaultException>(() => vault.Authenticate("anna", authority));

        Assert.Equal(VaultError.NotAuthenticated, e.Error);
    }

    [Theory]
    [SqliteData]
    public void Authenticate_AnUnknownActor_IsRefused(Backend backend)
    {
        using var rig = new VaultRig(backend);
        using KeyPair anna = VaultRig.ActorKey(1);
        EvidenceVault vault = rig.Open(roles: VaultRig.RolesWithKeys(("anna", anna)));

        Assert.Equal(VaultError.UnknownActor, Assert.Throws<VaultException>(() => vault.Authenticate("nobody", anna)).Error);
    }
}
