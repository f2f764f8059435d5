using System;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Names the key of a dock session in the audit trail without storing it (docs/audit-trail.md, "Event types":
/// ClockSet and Offloaded): <see cref="DockProtocol.AuditKeyAuthorityPrefix"/> or
/// <see cref="DockProtocol.AuditKeyDockPrefix"/> followed by the first 8 bytes of the SHA-256 of the session's public
/// key in lower-case hex (16 digits). A fingerprint names the municipality or a certified dock station, never the
/// wearer. Its buffers are allocated once, with the dock service.
/// </summary>
internal sealed class DockKeyFingerprint
{
    private const string HexDigits = "0123456789abcdef";

    private readonly DockExchange _x;
    private readonly byte[] _digest = new byte[DockProtocol.HashSize];
    private readonly char[] _hex = new char[DockProtocol.AuditKeyFingerprintBytes * 2];

    /// <summary>Initializes a new instance of the <see cref="DockKeyFingerprint"/> class.</summary>
    /// <param name="exchange">What the handlers share (the crypto engine and the session).</param>
    public DockKeyFingerprint(DockExchange exchange)
    {
        _x = exchange;
    }

    /// <summary>
    /// The audit subject suffix naming the current session's key. Uses the crypto engine's one SHA-256 context: call
    /// it between hashes, never inside one.
    /// </summary>
    /// <returns><c>;key=authority:F</c> or <c>;key=dock:F</c>.</returns>
    /// <exception cref="InvalidOperationException">No session is open (every caller requires one).</exception>
    public string SessionSuffix()
    {
        DockSession session = _x.Session;
        string prefix;
        if (session.Mode == DockSessionMode.Authority)
        {
            prefix = DockProtocol.AuditKeyAuthorityPrefix;
        }
        else if (session.Mode == DockSessionMode.DockCertificate)
        {
            prefix = DockProtocol.AuditKeyDockPrefix;
        }
        else
        {
            throw new InvalidOperationException("No dock session: there is no key to name.");
        }

        _x.Crypto.Sha256Begin();
        _x.Crypto.Sha256Update(session.Key, 0, DockProtocol.KeySize);
        _x.Crypto.Sha256End(_digest, 0);
        for (int i = 0; i < _hex.Length / 2; i++)
        {
            _hex[2 * i] = HexDigits[_digest[i] >> 4];
            _hex[(2 * i) + 1] = HexDigits[_digest[i] & 0x0F];
        }

        return prefix + new string(_hex);
    }
}
