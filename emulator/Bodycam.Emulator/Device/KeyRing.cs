using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Keys;
using Org.BouncyCastle.Crypto.Parameters;

namespace Bodycam.Emulator.Device;

/// <summary>
/// The municipalities' key pairs for emulated devices: an X25519 recipient key (recordings are sealed to it; its
/// private half decrypts) and an Ed25519 authority key. Derived from a seed for reproducible runs, or kept in a
/// directory (<c>--keys</c>) as the SDK's key files (<c>heerde-recipient.key</c>/<c>.pub</c>,
/// <c>heerde-authority.key</c>/<c>.pub</c>): generated and saved when absent, loaded when present. These are emulator
/// keys, never a municipality's production keys.
/// </summary>
public sealed class KeyRing
{
    private readonly Dictionary<string, byte[]> _recipientPrivate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _authorityPrivate = new(StringComparer.Ordinal);
    private readonly Func<string, byte[]> _generate;
    private readonly string? _directory;

    private KeyRing(Func<string, byte[]> generate, string? directory)
    {
        _generate = generate;
        _directory = directory;
    }

    /// <summary>Keys derived from <paramref name="seed"/> (the same seed, the same keys).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The key ring.</returns>
    public static KeyRing FromSeed(ulong seed)
    {
        return new KeyRing(label => SHA256.HashData(Encoding.UTF8.GetBytes("bodycam-emu keys " + seed.ToString(CultureInfo.InvariantCulture) + " " + label)), null);
    }

    /// <summary>Keys kept in <paramref name="directory"/>; missing ones are generated at random and saved.</summary>
    /// <param name="directory">The directory (created when missing).</param>
    /// <returns>The key ring.</returns>
    public static KeyRing FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        return new KeyRing(_ => RandomNumberGenerator.GetBytes(32), directory);
    }

    /// <summary>The X25519 public key recordings of <paramref name="municipality"/> are sealed to.</summary>
    /// <param name="municipality">The municipality.</param>
    /// <returns>32 bytes.</returns>
    public byte[] RecipientPublicKey(string municipality)
    {
        return new X25519PrivateKeyParameters(RecipientPrivateKey(municipality)).GeneratePublicKey().GetEncoded();
    }

    /// <summary>The X25519 private key that decrypts <paramref name="municipality"/>'s recordings (a copy; zero it after use).</summary>
    /// <param name="municipality">The municipality.</param>
    /// <returns>32 bytes.</returns>
    public byte[] RecipientPrivateKey(string municipality)
    {
        return (byte[])Get(_recipientPrivate, municipality, "recipient").Clone();
    }

    /// <summary>The Ed25519 public key of <paramref name="municipality"/>'s authority.</summary>
    /// <param name="municipality">The municipality.</param>
    /// <returns>32 bytes.</returns>
    public byte[] AuthorityPublicKey(string municipality)
    {
        return new Ed25519PrivateKeyParameters(Get(_authorityPrivate, municipality, "authority")).GeneratePublicKey().GetEncoded();
    }

    /// <summary>The Ed25519 private key of <paramref name="municipality"/>'s authority (a copy; zero it after use).</summary>
    /// <param name="municipality">The municipality.</param>
    /// <returns>32 bytes.</returns>
    public byte[] AuthorityPrivateKey(string municipality)
    {
        return (byte[])Get(_authorityPrivate, municipality, "authority").Clone();
    }

    /// <summary>The environment variable holding the passphrase of the key files in a <c>--keys</c> directory.</summary>
    public const string PassphraseVariable = "BODYCAM_EMU_KEY_PASSPHRASE";

    /// <summary>The passphrase used when <see cref="PassphraseVariable"/> is not set (emulator keys only).</summary>
    public const string DefaultPassphrase = "bodycam-emu";

    private static string Passphrase()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(PassphraseVariable);
        return string.IsNullOrEmpty(fromEnvironment) ? DefaultPassphrase : fromEnvironment;
    }

    private byte[] Get(Dictionary<string, byte[]> cache, string municipality, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(municipality);
        string label = municipality + "." + role;
        if (cache.TryGetValue(label, out byte[]? key))
        {
            return key;
        }

        if (_directory != null)
        {
            // The SDK's key files: a passphrase-protected private key and a public key file, so the bodycam CLI can
            // decrypt what an emulated device stored (--storage).
            KeyType type = role == "recipient" ? KeyType.Recipient : KeyType.Authority;
            string path = Path.Combine(_directory, municipality + "-" + role + ".key");
            if (File.Exists(path))
            {
                using KeyPair pair = PrivateKeyFile.Load(path, Passphrase(), type);
                key = pair.PrivateKey.ToArray();
            }
            else
            {
                key = _generate(label);
                using KeyPair pair = KeyPair.FromPrivateKey(type, key);
                PrivateKeyFile.Save(path, pair, Passphrase());
                new PublicKeyFile(type, pair.PublicKey).Save(Path.Combine(_directory, municipality + "-" + role + ".pub"));
            }
        }
        else
        {
            key = _generate(label);
        }

        cache[label] = key;
        return key;
    }
}
