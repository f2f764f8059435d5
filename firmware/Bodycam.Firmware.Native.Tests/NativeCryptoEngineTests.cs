using System;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>The crypto engine's contract through the interop: SHA-256 known answers, the single context, refusals.</summary>
[TestClass]
public class NativeCryptoEngineTests
{
    private static readonly NativeCryptoEngine s_engine = new NativeCryptoEngine();

    // FIPS 180-2 appendix B.1, B.2 and B.3 (one-block, two-block and long messages), and the empty message.
    [TestMethod]
    public void Sha256_PublishedExamples_GiveTheirDigests()
    {
        AssertDigest("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        AssertDigest("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        AssertDigest(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    [TestMethod]
    public void Sha256_MillionA_InThousandUpdates_GivesThePublishedDigest()
    {
        byte[] block = new byte[1000];
        for (int i = 0; i < block.Length; i++)
        {
            block[i] = (byte)'a';
        }

        s_engine.Sha256Begin();
        for (int i = 0; i < 1000; i++)
        {
            s_engine.Sha256Update(block, 0, block.Length);
        }

        byte[] digest = new byte[32];
        s_engine.Sha256End(digest, 0);
        Bytes.AssertEqual(Hex.Decode("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), digest, 0, "SHA-256 of a million 'a'");
    }

    [TestMethod]
    public void Sha256_BeginAgain_DiscardsTheUnfinishedComputation()
    {
        byte[] junk = Ascii("abandoned");
        s_engine.Sha256Begin();
        s_engine.Sha256Update(junk, 0, junk.Length);
        AssertDigest("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [TestMethod]
    public void Sha256_UpdateOrEndWithoutBegin_ThrowsInvalidOperation()
    {
        byte[] digest = new byte[32];
        s_engine.Sha256Begin();
        s_engine.Sha256End(digest, 0);
        Assert.ThrowsException(typeof(InvalidOperationException), () => s_engine.Sha256Update(digest, 0, 1));
        Assert.ThrowsException(typeof(InvalidOperationException), () => s_engine.Sha256End(digest, 0));
    }

    [TestMethod]
    public void Sha256_RangeOutsideTheBuffer_ThrowsArgumentOutOfRange()
    {
        byte[] data = new byte[8];
        s_engine.Sha256Begin();
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.Sha256Update(data, 4, 5));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.Sha256Update(data, -1, 1));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.Sha256End(new byte[40], 9));
        Assert.ThrowsException(typeof(ArgumentNullException), () => s_engine.Sha256Update(null!, 0, 0));
        s_engine.Sha256End(new byte[32], 0);
    }

    [TestMethod]
    public void AesGcmSeal_WrongSizesAndRanges_AreRefused()
    {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] data = new byte[64];
        byte[] tag = new byte[16];
        Assert.ThrowsException(typeof(ArgumentException), () => s_engine.AesGcmSeal(new byte[16], nonce, data, 0, 0, data, 0, 8, data, 0, tag, 0));
        Assert.ThrowsException(typeof(ArgumentException), () => s_engine.AesGcmSeal(key, new byte[16], data, 0, 0, data, 0, 8, data, 0, tag, 0));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 60, 8, data, 0, tag, 0));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 8, data, 60, tag, 0));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 8, data, 0, tag, 1));
        Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s_engine.AesGcmSeal(key, nonce, data, 60, 5, data, 0, 8, data, 0, tag, 0));
        Assert.ThrowsException(typeof(ArgumentNullException), () => s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 8, null!, 0, tag, 0));
    }

    [TestMethod]
    public void AesGcmSeal_PartlyOverlappingBuffers_AreRefused()
    {
        // in place (the same offset) is allowed; a shifted overlap would read bytes the seal already wrote
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] data = new byte[64];
        byte[] tag = new byte[16];
        s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 8, 32, data, 8, tag, 0);
        Assert.ThrowsException(typeof(ArgumentException), () => s_engine.AesGcmSeal(key, nonce, data, 0, 0, data, 8, 32, data, 9, tag, 0));
    }

    [TestMethod]
    public void HkdfSha256_EmptyOutput_IsRefused()
    {
        Assert.ThrowsException(typeof(ArgumentException), () => s_engine.HkdfSha256(new byte[1], new byte[0], new byte[0], new byte[0]));
    }

    [TestMethod]
    public void Ed25519Verify_PublicKeyOfWrongLength_IsNotValid()
    {
        Assert.IsFalse(s_engine.Ed25519Verify(new byte[31], new byte[4], 0, 4, new byte[64], 0));
    }

    // nano's mscorlib has no System.Text.Encoding (a separate package); the messages here are ASCII
    private static byte[] Ascii(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    private static void AssertDigest(string message, string expectedHex)
    {
        byte[] bytes = Ascii(message);
        byte[] digest = new byte[34];
        s_engine.Sha256Begin();

        // split in two updates where there is something to split
        int half = bytes.Length / 2;
        s_engine.Sha256Update(bytes, 0, half);
        s_engine.Sha256Update(bytes, half, bytes.Length - half);
        s_engine.Sha256End(digest, 2);
        Bytes.AssertEqual(Hex.Decode(expectedHex), digest, 2, "SHA-256 of \"" + message + "\"");
    }
}
