using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Sdk.Crypto;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit;

namespace Bodycam.Sdk.Tests.Crypto;

public class AesGcm256Tests
{
    [Fact]
    public void Seal_WycheproofAes256Iv96Tag128_ValidExactAndInvalidRejected()
    {
        List<WycheproofCase> cases = VectorFiles.Wycheproof("aes_gcm_test.json")
            .Where(c => c.GroupInt("keySize") == 256 && c.GroupInt("ivSize") == 96 && c.GroupInt("tagSize") == 128)
            .ToList();

        foreach (WycheproofCase c in cases)
        {
            byte[] key = c.Bytes("key"), iv = c.Bytes("iv"), aad = c.Bytes("aad"), msg = c.Bytes("msg");
            byte[] sealedMessage = c.Bytes("ct").Concat(c.Bytes("tag")).ToArray();
            byte[]? opened = AesGcm256.Open(key, iv, sealedMessage, aad);
            if (c.Result == "valid")
            {
                Assert.True(AesGcm256.Seal(key, iv, msg, aad).SequenceEqual(sealedMessage), c.ToString());
                Assert.True(opened is not null && opened.SequenceEqual(msg), c.ToString());
            }
            else
            {
                Assert.True(opened is null, c.ToString());
            }
        }

        Assert.True(cases.Count(c => c.Result == "valid") >= 20);
        Assert.True(cases.Count(c => c.Result == "invalid") >= 10);
    }

    [Fact]
    public void Seal_WycheproofNonceNot96Bits_Refused()
    {
        List<WycheproofCase> cases = VectorFiles.Wycheproof("aes_gcm_test.json")
            .Where(c => c.GroupInt("keySize") == 256 && c.GroupInt("ivSize") != 96)
            .ToList();

        Assert.NotEmpty(cases);
        foreach (WycheproofCase c in cases)
        {
            Assert.ThrowsAny<ArgumentException>(() => AesGcm256.Seal(c.Bytes("key"), c.Bytes("iv"), c.Bytes("msg"), c.Bytes("aad")));
        }
    }

    [Fact]
    public void Constructor_KeyNot256Bits_Refused()
    {
        List<WycheproofCase> cases = VectorFiles.Wycheproof("aes_gcm_test.json").Where(c => c.GroupInt("keySize") != 256).ToList();

        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Throws<ArgumentException>(() => new AesGcm256(c.Bytes("key"))));
    }

    [Fact]
    public void BouncyCastleGcm_WycheproofEveryGroup_ValidExactAndInvalidRejected()
    {
        // The reference for the cross-check below: BouncyCastle's GCM passes every Wycheproof case, any IV size.
        foreach (WycheproofCase c in VectorFiles.Wycheproof("aes_gcm_test.json"))
        {
            byte[] expected = c.Bytes("ct").Concat(c.Bytes("tag")).ToArray();
            int tagBits = c.GroupInt("tagSize");
            if (c.Result == "valid")
            {
                Assert.True(BouncyCastle(true, c.Bytes("key"), c.Bytes("iv"), tagBits, c.Bytes("aad"), c.Bytes("msg")).SequenceEqual(expected), c.ToString());
                Assert.True(BouncyCastle(false, c.Bytes("key"), c.Bytes("iv"), tagBits, c.Bytes("aad"), expected).SequenceEqual(c.Bytes("msg")), c.ToString());
            }
            else
            {
                Assert.ThrowsAny<Exception>(() => BouncyCastle(false, c.Bytes("key"), c.Bytes("iv"), tagBits, c.Bytes("aad"), expected));
            }
        }
    }

    [Fact]
    public void Seal_NistGcmEncryptExtIV256_MatchesCiphertextAndTag()
    {
        List<Dictionary<string, string>> records = VectorFiles.KeyValueRecords("pyca/gcmEncryptExtIV256.rsp");

        foreach (Dictionary<string, string> r in records)
        {
            byte[] expected = VectorFiles.Hex(r["CT"]).Concat(VectorFiles.Hex(r["Tag"])).ToArray();
            byte[] actual = AesGcm256.Seal(VectorFiles.Hex(r["Key"]), VectorFiles.Hex(r["IV"]), VectorFiles.Hex(r["PT"]), VectorFiles.Hex(r["AAD"]));
            Assert.True(expected.SequenceEqual(actual), r["section"] + " Count " + r["Count"]);
        }

        Assert.Equal(125, records.Count);
    }

    [Fact]
    public void Open_NistGcmDecrypt256_PlaintextOrFail()
    {
        List<Dictionary<string, string>> records = VectorFiles.KeyValueRecords("pyca/gcmDecrypt256.rsp");

        foreach (Dictionary<string, string> r in records)
        {
            byte[] sealedMessage = VectorFiles.Hex(r["CT"]).Concat(VectorFiles.Hex(r["Tag"])).ToArray();
            byte[]? opened = AesGcm256.Open(VectorFiles.Hex(r["Key"]), VectorFiles.Hex(r["IV"]), sealedMessage, VectorFiles.Hex(r["AAD"]));
            string name = r["section"] + " Count " + r["Count"];
            if (r.ContainsKey("FAIL"))
            {
                Assert.True(opened is null, name);
            }
            else
            {
                Assert.True(opened is not null && opened.SequenceEqual(VectorFiles.Hex(r["PT"])), name);
            }
        }

        Assert.Contains(records, r => r.ContainsKey("FAIL"));
        Assert.Contains(records, r => !r.ContainsKey("FAIL"));
    }

    [Fact]
    public void Seal_RandomInputs_AgreesWithBouncyCastleBothWays()
    {
        var random = new Random(20_261_129);
        for (int i = 0; i < 200; i++)
        {
            byte[] key = Bytes(random, 32), nonce = Bytes(random, 12);
            byte[] plaintext = Bytes(random, random.Next(0, 1100)), aad = Bytes(random, random.Next(0, 80));

            byte[] ours = AesGcm256.Seal(key, nonce, plaintext, aad);
            byte[] theirs = BouncyCastle(true, key, nonce, 128, aad, plaintext);

            Assert.Equal(theirs, ours);
            Assert.Equal(plaintext, AesGcm256.Open(key, nonce, theirs, aad));
            Assert.Equal(plaintext, BouncyCastle(false, key, nonce, 128, aad, ours));
        }
    }

    [Fact]
    public void Open_AnyFlippedBit_Rejected()
    {
        var random = new Random(7);
        byte[] key = Bytes(random, 32), nonce = Bytes(random, 12), aad = Bytes(random, 16);
        byte[] sealedMessage = AesGcm256.Seal(key, nonce, Bytes(random, 40), aad);

        for (int bit = 0; bit < sealedMessage.Length * 8; bit += 7)
        {
            byte[] tampered = (byte[])sealedMessage.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(AesGcm256.Open(key, nonce, tampered, aad));
        }
    }

    private static byte[] BouncyCastle(bool encrypt, byte[] key, byte[] iv, int tagBits, byte[] aad, byte[] input)
    {
        IAeadBlockCipher gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), tagBits, iv, aad));
        byte[] output = new byte[gcm.GetOutputSize(input.Length)];
        int n = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        n += gcm.DoFinal(output, n);
        return output.AsSpan(0, n).ToArray();
    }

    private static byte[] Bytes(Random random, int count)
    {
        byte[] b = new byte[count];
        random.NextBytes(b);
        return b;
    }
}
