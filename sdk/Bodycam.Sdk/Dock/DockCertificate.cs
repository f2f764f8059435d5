using System;
using System.IO;
using Bodycam.Sdk.Keys;

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

    /// <summary>The first word of a certificate file.</summary>
    public const string FileLabel = "bodycam-dock-certificate-v1";

    /// <summary>Gets the municipality.</summary>
    public string MunicipalityId { get; }

    /// <summary>Gets the dock's public key.</summary>
    public ReadOnlyMemory<byte> DockPublicKey { get; }

    /// <summary>Gets the last valid moment.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Gets the authority's signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Reads a certificate file's line (see <see cref="Encode"/>).</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The certificate (its signature is checked by the device, or by <see cref="Verify"/>).</returns>
    /// <exception cref="KeyFileException">Not a certificate file.</exception>
    public static DockCertificate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.TrimEnd('\n', '\r').Split(' ');
        if (parts.Length != 5 || parts[0] != FileLabel)
        {
            throw new KeyFileException(KeyFileError.Malformed, "A dock certificate file is one line: " + FileLabel + ", municipality, not-after (UTC, ISO 8601), dock public key and signature (base64).");
        }

        if (!DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out DateTimeOffset notAfter))
        {
            throw new KeyFileException(KeyFileError.Malformed, "The certificate's not-after time is not yyyy-MM-ddTHH:mm:ss.fffZ.");
        }

        try
        {
            byte[] key = Convert.FromBase64String(parts[3]);
            byte[] signature = Convert.FromBase64String(parts[4]);
            if (key.Length != 32 || signature.Length != 64)
            {
                throw new KeyFileException(KeyFileError.Malformed, "The certificate's key must be 32 bytes and its signature 64.");
            }

            return new DockCertificate(parts[1], key, notAfter, signature);
        }
        catch (FormatException)
        {
            throw new KeyFileException(KeyFileError.Malformed, "The certificate's key or signature is not valid base64.");
        }
    }

    /// <summary>Loads a certificate file written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="KeyFileException">Not a certificate file.</exception>
    public static DockCertificate Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Checks the authority's signature (the device checks it again; this catches a wrong file early).</summary>
    /// <param name="authorityPublicKey">The municipality's authority public key.</param>
    /// <returns>Whether the signature holds.</returns>
    public bool Verify(ReadOnlySpan<byte> authorityPublicKey)
    {
        byte[] message = DockMessages.Certificate(MunicipalityId, DockPublicKey.Span, NotAfter.ToUnixTimeMilliseconds());
        return Ed25519DockSigner.Verify(authorityPublicKey, message, Signature.Span);
    }

    /// <summary>The certificate as one line of text (see <see cref="FileLabel"/>).</summary>
    /// <returns>The line, with its newline.</returns>
    public string Encode()
    {
        return FileLabel + " " + MunicipalityId + " " + NotAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)
            + " " + Convert.ToBase64String(DockPublicKey.Span) + " " + Convert.ToBase64String(Signature.Span) + "\n";
    }

    /// <summary>Writes the certificate file (it holds no secret).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => File.WriteAllText(path, Encode());

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
