using System;

namespace Bodycam.Sdk.Keys;

/// <summary>
/// scrypt cost parameters (RFC 7914) for passphrase-protected key files. The default, N = 2^17, r = 8, p = 1, uses
/// 128 MiB and follows the OWASP password storage guidance for scrypt. Accepted parameters also keep scrypt's memory,
/// 128 x r x N bytes, at most <see cref="MaxMemoryBytes"/> (1 GiB), so a key file cannot make a host allocate more.
/// </summary>
/// <param name="LogN">log2 of the CPU/memory cost N (accepted: 10 to 22).</param>
/// <param name="R">Block size r (accepted: 1 to 32).</param>
/// <param name="P">Parallelism p (accepted: 1 to 16).</param>
public sealed record ScryptParameters(int LogN, int R, int P)
{
    /// <summary>The most memory scrypt may take for an accepted key file: 128 x r x N &lt;= 1 GiB.</summary>
    public const long MaxMemoryBytes = 1L << 30;

    /// <summary>Gets the default parameters for new key files.</summary>
    public static ScryptParameters Default { get; } = new(17, 8, 1);

    /// <summary>Gets a value indicating whether the parameters are inside the accepted range.</summary>
    public bool IsAccepted => LogN is >= 10 and <= 22 && R is >= 1 and <= 32 && P is >= 1 and <= 16
        && ((long)R * P) < (1 << 30) && MemoryBytes <= MaxMemoryBytes;

    /// <summary>Gets the memory scrypt takes with these parameters, 128 x r x N bytes (0 when out of range).</summary>
    public long MemoryBytes => LogN is >= 0 and <= 30 && R is >= 0 and <= 255 ? (128L * R) << LogN : 0;

    /// <summary>Throws unless the parameters are inside the accepted range.</summary>
    /// <exception cref="KeyFileException">Out of range.</exception>
    public void EnsureAccepted()
    {
        if (!IsAccepted)
        {
            throw new KeyFileException(KeyFileError.BadParameters, "scrypt parameters out of the accepted range.");
        }
    }

    /// <summary>Gets N.</summary>
    public int N => 1 << Math.Clamp(LogN, 0, 30);
}
