using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Keys;

public class PublicKeyFileTests
{
    [Fact]
    public void EncodeDecode_RecipientKey_RoundTrips()
    {
        byte[] key = new byte[32];
        key[5] = 42;

        string text = new PublicKeyFile(KeyType.Recipient, key).Encode();
        PublicKeyFile back = PublicKeyFile.Decode(text);

        Assert.StartsWith("bodycam-recipient-x25519-v1 ", text);
        Assert.Equal(KeyType.Recipient, back.Type);
        Assert.Equal(key, back.Key.ToArray());
    }

    [Theory]
    [InlineData("bodycam-unknown-v1 AAAA", KeyFileError.BadMagic)]
    [InlineData("bodycam-authority-ed25519-v1 AAAA", KeyFileError.Malformed)]
    [InlineData("bodycam-authority-ed25519-v1 !!!", KeyFileError.Malformed)]
    [InlineData("just-one-field", KeyFileError.Malformed)]
    public void Decode_BadText_ThrowsTypedError(string text, KeyFileError error)
    {
        var ex = Assert.Throws<KeyFileException>(() => PublicKeyFile.Decode(text));

        Assert.Equal(error, ex.Error);
    }
}
