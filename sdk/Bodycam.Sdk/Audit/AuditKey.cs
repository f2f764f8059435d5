using System;
using System.Security.Cryptography;
using System.Text;

namespace Bodycam.Sdk.Audit;

/// <summary>
/// The dock session key an audit record names (docs/audit-trail.md, "Event types": Offloaded and ClockSet): its kind
/// and its fingerprint, the first 8 bytes of the SHA-256 of the 32-byte public key as 16 lower-case hex digits. The
/// device stores the fingerprint, never the key: match it against the keys the municipality issued with
/// <see cref="FingerprintOf"/> or <see cref="IsKey"/>. A fingerprint names the municipality or a dock station, never
/// the wearer.
/// </summary>
/// <param name="Kind">Whether the session was opened with the authority key or a certified dock key.</param>
/// <param name="Fingerprint">16 lower-case hex digits.</param>
public sealed record AuditKey(AuditKeyKind Kind, string Fingerprint)
{
    /// <summary>The subject suffix before the fingerprint of an authority session.</summary>
    public const string AuthorityPrefix = ";key=authority:";

    /// <summary>The subject suffix before the fingerprint of a certified dock key's session.</summary>
    public const string DockPrefix = ";key=dock:";

    /// <summary>The bytes of the key's SHA-256 a fingerprint keeps.</summary>
    public const int FingerprintBytes = 8;

    /// <summary>Gets the suffix as the device writes it (<c>;key=authority:F</c> or <c>;key=dock:F</c>).</summary>
    public string Suffix => (Kind == AuditKeyKind.Authority ? AuthorityPrefix : DockPrefix) + Fingerprint;

    /// <summary>The fingerprint of a public key as the device writes it in the audit trail.</summary>
    /// <param name="publicKey">A 32-byte Ed25519 public key.</param>
    /// <returns>16 lower-case hex digits.</returns>
    /// <exception cref="ArgumentException">The key does not have 32 bytes.</exception>
    public static string FingerprintOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(publicKey));
        }

        return Convert.ToHexStringLower(SHA256.HashData(publicKey)[..FingerprintBytes]);
    }

    /// <summary>
    /// Splits a subject into what it names and the key suffix the device appended, when it ends in one:
    /// <c>;key=authority:</c> or <c>;key=dock:</c> followed by exactly 16 lower-case hex digits.
    /// </summary>
    /// <param name="subject">An audit record's subject.</param>
    /// <param name="rest">The subject before the suffix, or the whole subject when there is none.</param>
    /// <param name="key">The key named, or null when the subject has no such suffix (a record of firmware that did not write one).</param>
    /// <returns>True when the subject ends in a key suffix.</returns>
    public static bool TrySplit(string subject, out string rest, out AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(subject);
        rest = subject;
        key = null;
        int hexLength = FingerprintBytes * 2;
        if (subject.Length < DockPrefix.Length + hexLength)
        {
            return false;
        }

        string fingerprint = subject[^hexLength..];
        foreach (char c in fingerprint)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        string head = subject[..^hexLength];
        if (head.EndsWith(AuthorityPrefix, StringComparison.Ordinal))
        {
            rest = head[..^AuthorityPrefix.Length];
            key = new AuditKey(AuditKeyKind.Authority, fingerprint);
            return true;
        }

        if (head.EndsWith(DockPrefix, StringComparison.Ordinal))
        {
            rest = head[..^DockPrefix.Length];
            key = new AuditKey(AuditKeyKind.Dock, fingerprint);
            return true;
        }

        return false;
    }

    /// <summary>Tells whether this is the fingerprint of a public key (compared in constant time).</summary>
    /// <param name="publicKey">A 32-byte Ed25519 public key.</param>
    /// <returns>True when the key's fingerprint is <see cref="Fingerprint"/>.</returns>
    /// <exception cref="ArgumentException">The key does not have 32 bytes.</exception>
    public bool IsKey(ReadOnlySpan<byte> publicKey)
    {
        byte[] expected = Encoding.ASCII.GetBytes(FingerprintOf(publicKey));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Fingerprint));
    }
}
