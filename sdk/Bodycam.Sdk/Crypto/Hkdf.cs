using System;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Bodycam.Sdk.Crypto;

/// <summary>HKDF with SHA-256 (RFC 5869) on BouncyCastle.</summary>
public static class Hkdf
{
    /// <summary>Extracts with the salt and expands with the info into a key of a given length.</summary>
    /// <param name="ikm">Input key material.</param>
    /// <param name="salt">Salt (may be empty: RFC 5869 then uses a block of zeros).</param>
    /// <param name="info">Context label.</param>
    /// <param name="length">Output length (1 to 8160 bytes).</param>
    /// <returns>The derived key.</returns>
    public static byte[] DeriveKey(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 255 * 32);
        var generator = new HkdfBytesGenerator(new Sha256Digest());
        generator.Init(new HkdfParameters(ikm.ToArray(), salt.Length == 0 ? null : salt.ToArray(), info.ToArray()));
        byte[] okm = new byte[length];
        generator.GenerateBytes(okm, 0, length);
        return okm;
    }
}
