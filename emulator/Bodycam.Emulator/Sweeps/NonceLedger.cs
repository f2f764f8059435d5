using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// Every (key, nonce) pair an AES-GCM engine sealed with, as SHA-256(key || nonce), across all boots of one run:
/// GCM loses both confidentiality and integrity when a pair repeats (NIST SP 800-38D section 8), so one repeat is a
/// failure however the cut fell.
/// </summary>
public sealed class NonceLedger
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Gets the number of seals recorded.</summary>
    public long Seals { get; private set; }

    /// <summary>Gets the number of seals whose pair had been used before.</summary>
    public long Reuses { get; private set; }

    /// <summary>Gets the fingerprint of the first repeated pair, or null.</summary>
    public string? FirstReuse { get; private set; }

    /// <summary>Records every seal <paramref name="crypto"/> makes from now on.</summary>
    /// <param name="crypto">The engine.</param>
    public void Attach(SimulatedCryptoEngine crypto)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        crypto.Sealed += (_, fingerprint) => Record(fingerprint);
    }

    /// <summary>Records one seal.</summary>
    /// <param name="fingerprint">SHA-256(key || nonce).</param>
    public void Record(byte[] fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        Seals++;
        string key = Convert.ToHexString(fingerprint);
        if (!_seen.Add(key))
        {
            Reuses++;
            FirstReuse ??= key;
        }
    }
}
