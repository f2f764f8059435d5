using System;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Keys;

public class KeyPairTests
{
    [Fact]
    public void Erase_PrivateKey_IsNoLongerReadable()
    {
        KeyPair pair = KeyPair.Generate(KeyType.Recipient);

        pair.Erase();

        Assert.Throws<ObjectDisposedException>(() => pair.PrivateKey.ToArray());
    }

    [Fact]
    public void FromPrivateKey_Recipient_PublicKeyIsX25519Base()
    {
        byte[] priv = new byte[32];
        priv[0] = 9;

        using KeyPair pair = KeyPair.FromPrivateKey(KeyType.Recipient, priv);

        Assert.Equal(X25519.GetPublicKey(priv), pair.PublicKey);
    }

    [Fact]
    public void FromPrivateKey_Authority_SignsVerifiably()
    {
        using KeyPair pair = KeyPair.Generate(KeyType.Authority);

        byte[] sig = Ed25519.Sign(pair.PrivateKey, new byte[] { 1, 2, 3 });

        Assert.True(Ed25519.Verify(pair.PublicKey, new byte[] { 1, 2, 3 }, sig));
        Assert.False(Ed25519.Verify(pair.PublicKey, new byte[] { 1, 2, 4 }, sig));
    }
}
