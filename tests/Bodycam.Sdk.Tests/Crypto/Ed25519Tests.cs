using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Xunit;
using Ed25519 = Bodycam.Sdk.Crypto.Ed25519;

namespace Bodycam.Sdk.Tests.Crypto;

public class Ed25519Tests
{
    [Fact]
    public void Verify_Wycheproof_ValidAcceptedInvalidRejected()
    {
        List<WycheproofCase> cases = VectorFiles.Wycheproof("ed25519_test.json");

        foreach (WycheproofCase c in cases)
        {
            byte[] publicKey = VectorFiles.Hex(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            bool verified = Ed25519.Verify(publicKey, c.Bytes("msg"), c.Bytes("sig"));
            Assert.True(verified == (c.Result == "valid"), c.ToString());
        }

        Assert.DoesNotContain(cases, c => c.Result == "acceptable");
    }

    [Fact]
    public void Verify_WycheproofNonCanonicalSignature_Rejected()
    {
        // S >= L (RFC 8032 §5.1.7 step 1) and other malleated encodings.
        List<WycheproofCase> cases = VectorFiles.Wycheproof("ed25519_test.json")
            .Where(c => c.Flags.Contains("SignatureMalleability") || c.Flags.Contains("InvalidEncoding"))
            .ToList();

        Assert.True(cases.Count >= 20);
        foreach (WycheproofCase c in cases)
        {
            byte[] publicKey = VectorFiles.Hex(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            Assert.False(Ed25519.Verify(publicKey, c.Bytes("msg"), c.Bytes("sig")), c.ToString());
        }
    }

    [Fact]
    public void Sign_Rfc8032SignInput_ExactKeyAndSignature()
    {
        // pyca's sign.input (the ed25519 reference's test file; its first lines are RFC 8032 §7.1 tests 1-2):
        // secret||public : public : message : signature||message :
        string[] lines = File.ReadAllLines(VectorFiles.PathOf("pyca/ed25519-sign.input"));

        foreach (string line in lines)
        {
            string[] f = line.Split(':');
            byte[] secret = VectorFiles.Hex(f[0][..64]);
            byte[] publicKey = VectorFiles.Hex(f[1]);
            byte[] message = VectorFiles.Hex(f[2]);
            byte[] signature = VectorFiles.Hex(f[3][..128]);

            Assert.Equal(publicKey, Ed25519.GetPublicKey(secret));
            Assert.Equal(signature, Ed25519.Sign(secret, message));
            Assert.True(Ed25519.Verify(publicKey, message, signature));
            byte[] other = message.Length == 0 ? new byte[] { 0 } : message.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray();
            Assert.False(Ed25519.Verify(publicKey, other, signature));
        }

        Assert.Equal(64, lines.Length);
    }

    [Fact]
    public void Sign_RandomMessages_VerifiesWithBouncyCastleSignerApi()
    {
        var random = new Random(8032);
        for (int i = 0; i < 30; i++)
        {
            byte[] secret = new byte[32];
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(secret);
            random.NextBytes(message);

            byte[] signature = Ed25519.Sign(secret, message);

            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(Ed25519.GetPublicKey(secret)));
            verifier.BlockUpdate(message, 0, message.Length);
            Assert.True(verifier.VerifySignature(signature));
        }
    }

    [Theory]
    [InlineData(31, 64)]
    [InlineData(32, 63)]
    [InlineData(32, 65)]
    public void Verify_WrongSizes_False(int publicKeySize, int signatureSize)
    {
        Assert.False(Ed25519.Verify(new byte[publicKeySize], new byte[] { 1 }, new byte[signatureSize]));
    }
}
