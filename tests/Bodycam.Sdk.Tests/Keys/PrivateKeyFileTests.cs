using System;
using System.IO;
using System.Linq;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Keys;

public class PrivateKeyFileTests
{
    private static readonly ScryptParameters s_fast = new(10, 8, 1);

    [Theory]
    [InlineData(KeyType.Recipient)]
    [InlineData(KeyType.Authority)]
    [InlineData(KeyType.Dock)]
    [InlineData(KeyType.Actor)]
    public void EncodeDecode_RightPassphrase_ReturnsTheSameKeyPair(KeyType type)
    {
        using KeyPair pair = KeyPair.Generate(type);

        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);
        using KeyPair back = PrivateKeyFile.Decode(file, "correct horse battery", type);

        Assert.Equal(PrivateKeyFile.FileSize, file.Length);
        Assert.Equal(type, back.Type);
        Assert.Equal(pair.PublicKey, back.PublicKey);
        Assert.Equal(pair.PrivateKey.ToArray(), back.PrivateKey.ToArray());
    }

    [Fact]
    public void Decode_WrongPassphrase_ThrowsWrongPassphrase()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);
        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);

        Assert.Throws<WrongPassphraseException>(() => PrivateKeyFile.Decode(file, "correct horse battery!"));
    }

    [Fact]
    public void Decode_AlteredParameters_ThrowsWrongPassphrase()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);
        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);
        file[11] = 4;

        Assert.Throws<WrongPassphraseException>(() => PrivateKeyFile.Decode(file, "correct horse battery"));
    }

    [Theory]
    [InlineData(0, KeyFileError.BadMagic)]
    [InlineData(7, KeyFileError.UnsupportedVersion)]
    [InlineData(8, KeyFileError.Malformed)]
    [InlineData(10, KeyFileError.BadParameters)]
    public void Decode_BadField_ThrowsTypedError(int position, KeyFileError error)
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);
        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);
        file[position] = 0x7F;

        var ex = Assert.Throws<KeyFileException>(() => PrivateKeyFile.Decode(file, "correct horse battery"));

        Assert.Equal(error, ex.Error);
    }

    [Fact]
    public void Decode_OtherKeyType_ThrowsWrongKeyType()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Authority);
        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);

        var ex = Assert.Throws<KeyFileException>(() => PrivateKeyFile.Decode(file, "correct horse battery", KeyType.Recipient));

        Assert.Equal(KeyFileError.WrongKeyType, ex.Error);
    }

    [Fact]
    public void Encode_ShortPassphrase_Throws()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);

        Assert.Throws<ArgumentException>(() => PrivateKeyFile.Encode(pair, "short", s_fast));
    }

    [Theory]
    [InlineData(22, 8, 1, false)] // 4 GiB
    [InlineData(22, 32, 16, false)] // 16 GiB: the key files the review found
    [InlineData(20, 8, 1, true)] // exactly 1 GiB
    [InlineData(21, 8, 1, false)] // 2 GiB
    [InlineData(17, 8, 1, true)] // the default, 128 MiB
    public void Parameters_MemoryAboveOneGiB_AreRefused(int logN, int r, int p, bool accepted)
    {
        var parameters = new ScryptParameters(logN, r, p);

        Assert.Equal(accepted, parameters.IsAccepted);
        Assert.Equal(accepted, parameters.MemoryBytes <= ScryptParameters.MaxMemoryBytes);
    }

    [Fact]
    public void Decode_FileAskingForSixteenGiB_IsRefusedBeforeDeriving()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);
        byte[] file = PrivateKeyFile.Encode(pair, "correct horse battery", s_fast);
        file[10] = 22;
        file[11] = 32;

        var ex = Assert.Throws<KeyFileException>(() => PrivateKeyFile.Decode(file, "correct horse battery"));

        Assert.Equal(KeyFileError.BadParameters, ex.Error);
    }

    [Fact]
    public void Encode_PassphraseMinimum_CountsCharactersNotBytesOrUtf16Units()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);

        // Seven emoji: 14 UTF-16 units and 28 UTF-8 bytes, but 7 characters.
        Assert.Throws<ArgumentException>(() => PrivateKeyFile.Encode(pair, string.Concat(Enumerable.Repeat("\U0001F512", 7)), s_fast));
        Assert.Equal(PrivateKeyFile.FileSize, PrivateKeyFile.Encode(pair, "ééééééé\U0001F512", s_fast).Length);
    }

    [Fact]
    public void Encode_WeakParameters_Throws()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Recipient);

        var ex = Assert.Throws<KeyFileException>(() => PrivateKeyFile.Encode(pair, "correct horse battery", new ScryptParameters(4, 8, 1)));

        Assert.Equal(KeyFileError.BadParameters, ex.Error);
    }

    [Fact]
    public void SaveLoadErase_OnDisk_RoundTripsThenRemovesTheFile()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "heerde.key");
        try
        {
            using KeyPair pair = KeyPair.Generate(KeyType.Recipient);
            PrivateKeyFile.Save(path, pair, "correct horse battery", s_fast);
            using KeyPair back = PrivateKeyFile.Load(path, "correct horse battery");
            Assert.Equal(pair.PublicKey, back.PublicKey);
            Assert.Throws<IOException>(() => PrivateKeyFile.Save(path, pair, "correct horse battery", s_fast));

            PrivateKeyFile.Erase(path);

            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
