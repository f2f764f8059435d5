using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Crypto;
using Org.BouncyCastle.Crypto.Generators;

namespace Bodycam.Sdk.Keys;

/// <summary>
/// Passphrase-protected private key files (docs/recording-format.md, "Key files"): the private key sealed with
/// AES-256-GCM under a key derived from the passphrase with scrypt (RFC 7914, BouncyCastle), the header bound as AAD.
/// Layout (89 bytes): "BCAMSK", version (2, big-endian = 1), key type (1), KDF (1 = scrypt), log2 N (1), r (1),
/// p (1), salt (16), nonce (12), sealed key (32), tag (16).
/// </summary>
public static class PrivateKeyFile
{
    /// <summary>The length of a private key file.</summary>
    public const int FileSize = 89;

    /// <summary>
    /// The shortest passphrase for a new key file, in Unicode scalar values (characters as people count them, not
    /// bytes). Passphrases are not normalised: the UTF-8 bytes of exactly the characters given are the scrypt password.
    /// </summary>
    public const int MinimumPassphraseCharacters = 8;

    private const int AadSize = 41;
    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("BCAMSK");

    /// <summary>Encodes a key pair's private key under a passphrase.</summary>
    /// <param name="keyPair">The key pair.</param>
    /// <param name="passphrase">The passphrase (UTF-8 encoded; at least 8 characters).</param>
    /// <param name="parameters">scrypt parameters (default: <see cref="ScryptParameters.Default"/>).</param>
    /// <returns>The file bytes.</returns>
    public static byte[] Encode(KeyPair keyPair, string passphrase, ScryptParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        ArgumentNullException.ThrowIfNull(passphrase);
        // At least 8 characters counted as Unicode scalar values (not UTF-16 units or bytes); no normalisation.
        if (passphrase.EnumerateRunes().Count() < MinimumPassphraseCharacters)
        {
            throw new ArgumentException("The passphrase must have at least " + MinimumPassphraseCharacters + " characters.", nameof(passphrase));
        }

        ScryptParameters p = parameters ?? ScryptParameters.Default;
        p.EnsureAccepted();
        byte[] file = new byte[FileSize];
        s_magic.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), 1);
        file[8] = (byte)keyPair.Type;
        file[9] = 1;
        file[10] = (byte)p.LogN;
        file[11] = (byte)p.R;
        file[12] = (byte)p.P;
        RandomNumberGenerator.Fill(file.AsSpan(13, 16));
        RandomNumberGenerator.Fill(file.AsSpan(29, 12));
        byte[] key = DeriveKey(passphrase, file.AsSpan(13, 16).ToArray(), p);
        try
        {
            using var aead = new AesGcm256(key);
            aead.Seal(file.AsSpan(29, 12), keyPair.PrivateKey, file.AsSpan(0, AadSize), file.AsSpan(41, 32), file.AsSpan(73, 16));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return file;
    }

    /// <summary>Decodes a private key file.</summary>
    /// <param name="file">The file bytes.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="expectedType">The key type the caller needs (null: any).</param>
    /// <returns>The key pair (erase it when done).</returns>
    /// <exception cref="KeyFileException">Not a valid key file, or another key type.</exception>
    /// <exception cref="WrongPassphraseException">The passphrase does not open it.</exception>
    public static KeyPair Decode(ReadOnlySpan<byte> file, string passphrase, KeyType? expectedType = null)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (file.Length < s_magic.Length || !file[..s_magic.Length].SequenceEqual(s_magic))
        {
            throw new KeyFileException(KeyFileError.BadMagic, "Not a private key file.");
        }

        if (file.Length != FileSize)
        {
            throw new KeyFileException(KeyFileError.Malformed, "A private key file is 89 bytes.");
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(file[6..]) != 1)
        {
            throw new KeyFileException(KeyFileError.UnsupportedVersion, "Unsupported key file version.");
        }

        var type = (KeyType)file[8];
        if (type is not KeyType.Recipient and not KeyType.Authority and not KeyType.Dock and not KeyType.Actor || file[9] != 1)
        {
            throw new KeyFileException(KeyFileError.Malformed, "Unknown key type or key derivation.");
        }

        if (expectedType is not null && type != expectedType)
        {
            throw new KeyFileException(KeyFileError.WrongKeyType, "The file holds a " + type + " key.");
        }

        var p = new ScryptParameters(file[10], file[11], file[12]);
        p.EnsureAccepted();
        byte[] key = DeriveKey(passphrase, file.Slice(13, 16).ToArray(), p);
        byte[] privateKey = new byte[32];
        try
        {
            using var aead = new AesGcm256(key);
            if (!aead.TryOpen(file.Slice(29, 12), file.Slice(41, 32), file.Slice(73, 16), file[..AadSize], privateKey))
            {
                throw new WrongPassphraseException("The passphrase does not open this key file.");
            }

            return KeyPair.FromPrivateKey(type, privateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Saves a private key file (created new; an existing file is not overwritten).</summary>
    /// <param name="path">The path.</param>
    /// <param name="keyPair">The key pair.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="parameters">scrypt parameters (default: <see cref="ScryptParameters.Default"/>).</param>
    public static void Save(string path, KeyPair keyPair, string passphrase, ScryptParameters? parameters = null)
    {
        byte[] bytes = Encode(keyPair, passphrase, parameters);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }

    /// <summary>Loads a private key file.</summary>
    /// <param name="path">The path.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="expectedType">The key type the caller needs (null: any).</param>
    /// <returns>The key pair (erase it when done).</returns>
    public static KeyPair Load(string path, string passphrase, KeyType? expectedType = null)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Decode(bytes, passphrase, expectedType);
    }

    /// <summary>
    /// Erases a private key file: overwrites it with zeros, flushes, then deletes it. (On flash media and
    /// journaling file systems the old blocks may survive; keep key files on encrypted volumes.)
    /// </summary>
    /// <param name="path">The path.</param>
    public static void Erase(string path)
    {
        long length = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Write(new byte[length]);
            stream.Flush(true);
        }

        File.Delete(path);
    }

    private static byte[] DeriveKey(string passphrase, byte[] salt, ScryptParameters p)
    {
        byte[] password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            return SCrypt.Generate(password, salt, p.N, p.R, p.P, 32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
