namespace Bodycam.Sdk.Dock;

/// <summary>Answers challenges with a dock key and the authority's certificate for it (mode 2).</summary>
public sealed class DockKeyAuthenticator : IDockAuthenticator
{
    private readonly IDockSigner _dockKey;
    private readonly DockCertificate _certificate;

    /// <summary>Initializes a new instance of the <see cref="DockKeyAuthenticator"/> class.</summary>
    /// <param name="dockKey">The dock key.</param>
    /// <param name="certificate">The authority's certificate for it.</param>
    public DockKeyAuthenticator(IDockSigner dockKey, DockCertificate certificate)
    {
        _dockKey = dockKey;
        _certificate = certificate;
    }

    /// <inheritdoc/>
    public byte[] Answer(DockChallenge challenge)
    {
        byte[] message = DockMessages.Auth(challenge.Challenge.Span, challenge.DeviceId, challenge.MunicipalityId, challenge.SessionLifetimeMilliseconds, challenge.ProtocolVersion, 2);
        return new PayloadWriter()
            .Byte(2)
            .Bytes(_dockKey.Sign(message))
            .Bytes(_certificate.DockPublicKey.Span)
            .Int64(_certificate.NotAfter.ToUnixTimeMilliseconds())
            .Bytes(_certificate.Signature.Span)
            .ToArray();
    }
}
