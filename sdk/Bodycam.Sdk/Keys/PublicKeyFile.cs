using System;
using System.IO;
using System.Text;

namespace Bodycam.Sdk.Keys;

/// <summary>
/// A public key file: one line of ASCII, a label, a space, the key in base64, a newline
/// (docs/recording-format.md, "Key files"). Labels: "bodycam-recipient-x25519-v1", "bodycam-authority-ed25519-v1", "bodycam-dock-ed25519-v1".
/// </summary>
/// <param name="Type">The key type.</param>
/// <param name="Key">The 32-byte public key.</param>
public sealed record PublicKeyFile(KeyType Type, ReadOnlyMemory<byte> Key)
{
    /// <summary>The label of recipient public keys.</summary>
    public const string RecipientLabel = "bodycam-recipient-x25519-v1";

    /// <summary>The label of authority public keys.</summary>
    public const string AuthorityLabel = "bodycam-authority-ed25519-v1";

    /// <summary>The label of dock public keys.</summary>
    public const string DockLabel = "bodycam-dock-ed25519-v1";

    /// <summary>Encodes the file's text.</summary>
    /// <returns>The text.</returns>
    public string Encode()
    {
        if (Key.Length != 32)
        {
            throw new InvalidOperationException("Public keys are 32 bytes.");
        }

        return (Type switch { KeyType.Recipient => RecipientLabel, KeyType.Dock => DockLabel, _ => AuthorityLabel }) + " " + Convert.ToBase64String(Key.Span) + "\n";
    }

    /// <summary>Decodes a file's text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The public key file.</returns>
    /// <exception cref="KeyFileException">Not a public key file.</exception>
    public static PublicKeyFile Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string line = text.TrimEnd('\n', '\r');
        string[] parts = line.Split(' ');
        if (parts.Length != 2)
        {
            throw new KeyFileException(KeyFileError.Malformed, "A public key file is one line: label, space, base64 key.");
        }

        KeyType type = parts[0] switch
        {
            RecipientLabel => KeyType.Recipient,
            AuthorityLabel => KeyType.Authority,
            DockLabel => KeyType.Dock,
            _ => throw new KeyFileException(KeyFileError.BadMagic, "Unknown public key label."),
        };
        byte[] key;
        try
        {
            key = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw new KeyFileException(KeyFileError.Malformed, "The key is not valid base64.");
        }

        if (key.Length != 32)
        {
            throw new KeyFileException(KeyFileError.Malformed, "Public keys are 32 bytes.");
        }

        return new PublicKeyFile(type, key);
    }

    /// <summary>Saves the file.</summary>
    /// <param name="path">The path.</param>
    public void Save(string path)
    {
        File.WriteAllText(path, Encode(), Encoding.ASCII);
    }

    /// <summary>Loads a file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The public key file.</returns>
    public static PublicKeyFile Load(string path)
    {
        return Decode(File.ReadAllText(path, Encoding.ASCII));
    }
}
