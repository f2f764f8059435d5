using System;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

public class DockCertificateFileTests
{
    [Fact]
    public void Encode_ThenParse_RoundTripsAndVerifies()
    {
        using Ed25519DockSigner authority = Ed25519DockSigner.Generate();
        using Ed25519DockSigner dock = Ed25519DockSigner.Generate();
        DockCertificate issued = DockCertificate.Issue(authority, "hattem", dock.PublicKey, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        DockCertificate parsed = DockCertificate.Parse(issued.Encode());

        Assert.Equal("hattem", parsed.MunicipalityId);
        Assert.Equal(issued.NotAfter, parsed.NotAfter);
        Assert.Equal(dock.PublicKey.ToArray(), parsed.DockPublicKey.ToArray());
        Assert.True(parsed.Verify(authority.PublicKey.Span));
    }

    [Fact]
    public void Verify_OtherAuthority_IsFalse()
    {
        using Ed25519DockSigner authority = Ed25519DockSigner.Generate();
        using Ed25519DockSigner other = Ed25519DockSigner.Generate();
        using Ed25519DockSigner dock = Ed25519DockSigner.Generate();

        DockCertificate certificate = DockCertificate.Issue(authority, "heerde", dock.PublicKey, DateTimeOffset.UnixEpoch.AddYears(60));

        Assert.False(certificate.Verify(other.PublicKey.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bodycam-dock-certificate-v1 heerde 2030-01-01T00:00:00.000Z AAAA AAAA")]
    [InlineData("bodycam-dock-certificate-v2 heerde 2030-01-01T00:00:00.000Z AAAA AAAA")]
    [InlineData("bodycam-dock-certificate-v1 heerde tomorrow AAAA AAAA")]
    public void Parse_Malformed_ThrowsKeyFileException(string text)
    {
        KeyFileException e = Assert.Throws<KeyFileException>(() => DockCertificate.Parse(text));

        Assert.Equal(KeyFileError.Malformed, e.Error);
    }
}
