using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Keys;

public class DockKeyFileTests
{
    [Fact]
    public void PrivateAndPublicFiles_DockKey_RoundTripWithItsOwnType()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Dock);
        byte[] file = PrivateKeyFile.Encode(pair, "passphrase-1", new ScryptParameters(10, 8, 1));
        string line = new PublicKeyFile(KeyType.Dock, pair.PublicKey).Encode();

        using KeyPair loaded = PrivateKeyFile.Decode(file, "passphrase-1", KeyType.Dock);
        PublicKeyFile parsed = PublicKeyFile.Decode(line);

        Assert.Equal(pair.PublicKey, loaded.PublicKey);
        Assert.StartsWith(PublicKeyFile.DockLabel + " ", line, System.StringComparison.Ordinal);
        Assert.Equal(KeyType.Dock, parsed.Type);
        Assert.Throws<KeyFileException>(() => PrivateKeyFile.Decode(file, "passphrase-1", KeyType.Authority));
    }
}
