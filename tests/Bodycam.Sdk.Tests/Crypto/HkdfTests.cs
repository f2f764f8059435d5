using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Xunit;
using Hkdf = Bodycam.Sdk.Crypto.Hkdf;

namespace Bodycam.Sdk.Tests.Crypto;

public class HkdfTests
{
    [Fact]
    public void DeriveKey_Wycheproof_ExactOutputAndOversizeRefused()
    {
        int valid = 0, invalid = 0;
        foreach (WycheproofCase c in VectorFiles.Wycheproof("hkdf_sha256_test.json"))
        {
            int size = c.Test.GetProperty("size").GetInt32();
            if (c.Result == "valid")
            {
                Assert.True(Hkdf.DeriveKey(c.Bytes("ikm"), c.Bytes("salt"), c.Bytes("info"), size).AsSpan().SequenceEqual(c.Bytes("okm")), c.ToString());
                valid++;
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => Hkdf.DeriveKey(c.Bytes("ikm"), c.Bytes("salt"), c.Bytes("info"), size));
                invalid++;
            }
        }

        Assert.True(valid >= 80);
        Assert.True(invalid >= 3);
    }

    [Fact]
    public void DeriveKey_Rfc5869AppendixA_ExactOutput()
    {
        List<Dictionary<string, string>> records = VectorFiles.KeyValueRecords("pyca/rfc-5869-HKDF-SHA256.txt");

        foreach (Dictionary<string, string> r in records)
        {
            byte[] okm = Hkdf.DeriveKey(VectorFiles.Hex(r["IKM"]), VectorFiles.Hex(r["salt"]), VectorFiles.Hex(r["info"]), int.Parse(r["L"]));
            Assert.Equal(VectorFiles.Hex(r["OKM"]), okm);
        }

        Assert.Equal(3, records.Count);
    }

    [Fact]
    public void DeriveKey_RandomInputs_AgreesWithSystemHkdf()
    {
        var random = new Random(5869);
        for (int i = 0; i < 200; i++)
        {
            byte[] ikm = Bytes(random, random.Next(1, 100)), salt = Bytes(random, random.Next(0, 70)), info = Bytes(random, random.Next(0, 70));
            int length = random.Next(1, 255 * 32 + 1);

            byte[] system = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, length, salt, info);

            Assert.Equal(system, Hkdf.DeriveKey(ikm, salt, info, length));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((255 * 32) + 1)]
    public void DeriveKey_LengthOutOfRange_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hkdf.DeriveKey(new byte[] { 1 }, default, default, length));
    }

    private static byte[] Bytes(Random random, int count)
    {
        byte[] b = new byte[count];
        random.NextBytes(b);
        return b;
    }
}
