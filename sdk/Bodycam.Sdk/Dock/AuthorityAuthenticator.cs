namespace Bodycam.Sdk.Dock;

/// <summary>Answers challenges with the municipality's authority key itself (mode 1).</summary>
public sealed class AuthorityAuthenticator : IDockAuthenticator
{
    private readonly IDockSigner _authority;

    /// <summary>Initializes a new instance of the <see cref="AuthorityAuthenticator"/> class.</summary>
    /// <param name="authority">The authority key.</param>
    public AuthorityAuthenticator(IDockSigner authority)
    {
        _authority = authority;
    }

    /// <inheritdoc/>
    public byte[] Answer(DockChallenge challenge)
    {
        byte[] message = DockMessages.Auth(challenge.Challenge.Span, challenge.DeviceId, challenge.MunicipalityId, challenge.SessionLifetimeMilliseconds, challenge.ProtocolVersion, 1);
        return new PayloadWriter().Byte(1).Bytes(_authority.Sign(message)).ToArray();
    }
}
