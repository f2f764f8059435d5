using System;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class RolesFileTests
{
    [Fact]
    public void Parse_ValidFile_GivesActorsRolesAndRetention()
    {
        RolesFile roles = RolesFile.Parse("bodycam-vault-roles 1\nmunicipality heerde\nmunicipality hattem 60\n# people\nactor anna heerde privacy-officer,viewer\nactor hans hattem intake-operator\n");

        Assert.Equal(TimeSpan.FromDays(28), roles.RetentionOf("heerde"));
        Assert.Equal(TimeSpan.FromDays(60), roles.RetentionOf("hattem"));
        VaultActor anna = roles.Actor("anna");
        Assert.Equal("heerde", anna.MunicipalityId);
        Assert.True(anna.Has(VaultRole.PrivacyOfficer));
        Assert.True(anna.Has(VaultRole.Viewer));
        Assert.False(anna.Has(VaultRole.IntakeOperator));
        Assert.Equal(VaultError.UnknownActor, Assert.Throws<VaultException>(() => roles.Actor("nobody")).Error);
    }

    [Theory]
    [InlineData("municipality heerde\n", "line 1")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde 0\n", "line 2")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde 3651\n", "line 2")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nmunicipality heerde\n", "line 3")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna hattem viewer\n", "line 3")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde supervisor\n", "line 3")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde viewer\nactor anna heerde viewer\n", "line 4")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor Anna heerde viewer\n", "line 3")]
    [InlineData("bodycam-vault-roles 1\r\nmunicipality heerde\n", "line 1")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nkey anna 8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c\n", "line 3")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde viewer\nkey anna 8A88E3DD7409F195FD52DB2D3CBA5D72CA6709BF1D94121BF3748801B40F6F5C\n", "line 4")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde viewer\nkey anna 8a88e3dd\n", "line 4")]
    [InlineData("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde viewer\nkey anna 8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c\nkey anna 8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c\n", "line 5")]
    public void Parse_BadFile_IsRefusedNamingTheLine(string text, string line)
    {
        VaultException e = Assert.Throws<VaultException>(() => RolesFile.Parse(text));

        Assert.Equal(VaultError.BadRolesFile, e.Error);
        Assert.Contains(line + ":", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyLine_RegistersTheActorsPublicKey()
    {
        RolesFile roles = RolesFile.Parse("bodycam-vault-roles 1\nmunicipality heerde\nactor anna heerde viewer\nactor bram heerde intake-operator\nkey anna 8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c\n");

        Assert.True(roles.TryGetActorKey("anna", out byte[] key));
        Assert.Equal("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", Convert.ToHexStringLower(key));
        Assert.False(roles.TryGetActorKey("bram", out byte[] none));
        Assert.Empty(none);
    }
}
