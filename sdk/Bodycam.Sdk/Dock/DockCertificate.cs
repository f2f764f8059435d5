using System;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// The authority's statement that a dock key may open sessions with the municipality's devices until a moment
/// (docs/dock-protocol.md, "Dock keys").
/// </summary>
public sealed class DockCertificate
{
    /// <summary>Initializes a new instance of the <see cref="DockCertificate"/> class.</summary>
    /// <param name="municipalityId">The municipality.</param>
    /// <param name="dockPublicKey">The dock's Ed25519 public key.</param>
    /// <param name="notAfter">The last valid moment.</param>
    /// <param name="signature">The authority's signature.</param>
    public DockCertificate(string municipalityId, ReadOnlyMemory<byte> dockPublicKey, DateTimeOffset notAfter, ReadOnlyMemory<byte> signature)
    {
        MunicipalityId = municipalityId;
        DockPublicKey = dockPublicKey;
        NotAfter = notAfter;
        Signature = signature;
    }

    /// <summary>Gets the municipality.</summary>
    public string MunicipalityId { get; }

    /// <summary>Gets the dock's public key.</summary>
    public ReadOnlyMemory<byte> DockPublicKey { get; }

    /// <summary>Gets the last valid moment.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Gets the authority's signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Issues a certificate.</summary>
    /// <param name="authority">The municipality's authority key.</param>
    /// <param name="municipalityId">The municipality.</param>
    /// <param name="dockPublicKey">The dock's public key.</param>
    /// <param name="notAfter">The last valid moment.</param>
    /// <returns>The certificate.</returns>
    public static DockCertificate Issue(IDockSigner authority, string municipalityId, ReadOnlyMemory<byte> dockPublicKey, DateTimeOffset notAfter)
    {
        byte[] message = DockMessages.Certificate(municipalityId, dockPublicKey.Span, notAfter.ToUnixTimeMilliseconds());
        return new DockCertificate(municipalityId, dockPublicKey, notAfter, authority.Sign(message));
    }
}
