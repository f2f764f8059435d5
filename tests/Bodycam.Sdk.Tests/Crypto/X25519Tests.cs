using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit;
using X25519 = Bodycam.Sdk.Crypto.X25519;

namespace Bodycam.Sdk.Tests.Crypto;

public class X25519Tests
{
    [Fact]
    public void Agree_Wycheproof_ExactSharedSecretAndAllZeroRejected()
    {
        int zero = 0, computed = 0;
        foreach (WycheproofCase c in VectorFiles.Wycheproof("x25519_test.json"))
        {
            byte[] privateKey = c.Bytes("private"), publicKey = c.Bytes("public"), shared = c.Bytes("shared");
            if (c.Flags.Contains("ZeroSharedSecret"))
            {
                // RFC 7748 §6.1: the all-zero output of a low-order point must be refused.
                Assert.False(X25519.TryAgree(privateKey, publicKey, out _), c.ToString());
                Assert.Throws<CryptographicException>(() => X25519.Agree(privateKey, publicKey));
                zero++;
            }
            else
            {
                // valid, and "acceptable" twist / non-canonical inputs that RFC 7748 defines a result for.
                Assert.True(X25519.Agree(privateKey, publicKey).AsSpan().SequenceEqual(shared), c.ToString());
                computed++;
            }
        }

        Assert.True(zero >= 10);
        Assert.True(computed >= 400);
    }

    [Fact]
    public void Agree_Rfc7748Section52_MatchesOutput()
    {
        List<Dictionary<string, string>> records = VectorFiles.KeyValueRecords("pyca/rfc7748.txt");

        foreach (Dictionary<string, string> r in records)
        {
            byte[] output = X25519.Agree(VectorFiles.Hex(r["INPUT_SCALAR"]), VectorFiles.Hex(r["INPUT_U"]));
            Assert.Equal(VectorFiles.Hex(r["OUTPUT_U"]), output);
        }

        Assert.Equal(3, records.Count);
    }

    [Fact]
    public void GetPublicKey_Rfc7748Section61_AliceAndBobAgree()
    {
        // RFC 7748 §6.1 Diffie-Hellman example.
        byte[] alice = VectorFiles.Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = VectorFiles.Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");

        byte[] alicePublic = X25519.GetPublicKey(alice);
        byte[] bobPublic = X25519.GetPublicKey(bob);

        Assert.Equal(VectorFiles.Hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), alicePublic);
        Assert.Equal(VectorFiles.Hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), bobPublic);
        byte[] shared = VectorFiles.Hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        Assert.Equal(shared, X25519.Agree(alice, bobPublic));
        Assert.Equal(shared, X25519.Agree(bob, alicePublic));
    }

    [Fact]
    public void Agree_RandomKeys_MatchesBouncyCastleAgreementApi()
    {
        var random = new Random(25519);
        for (int i = 0; i < 50; i++)
        {
            byte[] a = new byte[32], b = new byte[32];
            random.NextBytes(a);
            random.NextBytes(b);

            var agreement = new X25519Agreement();
            agreement.Init(new X25519PrivateKeyParameters(a));
            byte[] theirs = new byte[32];
            agreement.CalculateAgreement(new X25519PublicKeyParameters(X25519.GetPublicKey(b)), theirs, 0);

            Assert.Equal(theirs, X25519.Agree(a, X25519.GetPublicKey(b)));
            Assert.Equal(theirs, X25519.Agree(b, X25519.GetPublicKey(a)));
        }
    }

    [Theory]
    [InlineData(31, 32)]
    [InlineData(32, 33)]
    public void Agree_WrongKeySize_Throws(int privateSize, int publicSize)
    {
        Assert.Throws<ArgumentException>(() => X25519.Agree(new byte[privateSize], new byte[publicSize]));
    }
}
