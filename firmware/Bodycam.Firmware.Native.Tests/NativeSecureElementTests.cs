using System;
using Bodycam.Firmware.Native.Posix;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>The secure element through the interop: no key before enrolment, keys from the board's random source.</summary>
[TestClass]
public class NativeSecureElementTests
{
    private static readonly NativeSecureElement s_element = new NativeSecureElement();
    private static readonly NativeCryptoEngine s_engine = new NativeCryptoEngine();

    [TestMethod]
    public void WithoutIdentity_ReadAndSign_ThrowInvalidOperation()
    {
        PosixBoard.ClearIdentity();
        Assert.IsFalse(s_element.HasIdentity);
        Assert.ThrowsException(typeof(InvalidOperationException), () => s_element.ReadDevicePublicKey(new byte[32], 0));
        Assert.ThrowsException(typeof(InvalidOperationException), () => s_element.Sign(new byte[4], 0, 4, new byte[64], 0));
    }

    [TestMethod]
    public void GenerateIdentity_DrawsItsKeyFromTheRandomSource_AndSignsVerifiably()
    {
        // the seeded stream's first 32 bytes become the RFC 8032 private key: installing them gives the same key
        byte[] seed = new byte[] { 1, 2, 3 };
        PosixBoard.SeedRandom(seed);
        PosixBoard.GenerateIdentity();
        byte[] generated = new byte[32];
        s_element.ReadDevicePublicKey(generated, 0);

        PosixBoard.InstallIdentity(FirstStreamBlock(seed));
        byte[] installed = new byte[32];
        s_element.ReadDevicePublicKey(installed, 0);
        PosixBoard.UseSystemRandom();
        Bytes.AssertEqual(installed, generated, 0, "public key of the generated identity");

        byte[] message = new byte[] { 9, 8, 7 };
        byte[] signature = new byte[64];
        s_element.Sign(message, 0, message.Length, signature, 0);
        Assert.IsTrue(s_engine.Ed25519Verify(generated, message, 0, message.Length, signature, 0));
        message[0] ^= 1;
        Assert.IsFalse(s_engine.Ed25519Verify(generated, message, 0, message.Length, signature, 0));
        PosixBoard.ClearIdentity();
    }

    [TestMethod]
    public void AgreeEphemeral_UsesAFreshKeyEachTime()
    {
        byte[] recipient = Hex.Decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        byte[] secret1 = new byte[32];
        byte[] secret2 = new byte[32];
        s_element.AgreeEphemeral(recipient, first, secret1);
        s_element.AgreeEphemeral(recipient, second, secret2);
        Assert.IsFalse(Bytes.Same(first, 0, second, 0, 32), "two agreements used the same ephemeral key");
        Assert.IsFalse(Bytes.Same(secret1, 0, secret2, 0, 32), "two agreements gave the same secret");
    }

    [TestMethod]
    public void AgreeEphemeral_DrawsTheEphemeralKeyFromTheSeededStream()
    {
        byte[] seed = new byte[] { 42 };
        byte[] recipient = Hex.Decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] seeded = new byte[32];
        byte[] secret = new byte[32];
        PosixBoard.SeedRandom(seed);
        s_element.AgreeEphemeral(recipient, seeded, secret);
        PosixBoard.UseSystemRandom();

        byte[] expected = new byte[32];
        byte[] expectedSecret = new byte[32];
        PosixBoard.UseNextEphemeral(FirstStreamBlock(seed));
        s_element.AgreeEphemeral(recipient, expected, expectedSecret);
        Bytes.AssertEqual(expected, seeded, 0, "ephemeral public key");
        Bytes.AssertEqual(expectedSecret, secret, 0, "shared secret");
    }

    [TestMethod]
    public void AgreeEphemeral_LowOrderRecipient_GivesAnAllZeroSecret()
    {
        // u = 0 is a point of order 1 (RFC 7748 section 6.1: the caller must refuse the all-zero result)
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.Length; i++)
        {
            secret[i] = 0xAA;
        }

        s_element.AgreeEphemeral(new byte[32], new byte[32], secret);
        Bytes.AssertEqual(new byte[32], secret, 0, "secret");
    }

    [TestMethod]
    public void AgreeEphemeral_ShortBuffers_AreRefused()
    {
        Assert.ThrowsException(typeof(ArgumentException), () => s_element.AgreeEphemeral(new byte[31], new byte[32], new byte[32]));
        Assert.ThrowsException(typeof(ArgumentNullException), () => s_element.AgreeEphemeral(new byte[32], null!, new byte[32]));
    }

    // SHA-256(seed || 0 as 8 bytes), the first block of the board's seeded stream, computed by the engine.
    internal static byte[] FirstStreamBlock(byte[] seed)
    {
        byte[] input = new byte[seed.Length + 8];
        Array.Copy(seed, input, seed.Length);
        byte[] block = new byte[32];
        s_engine.Sha256Begin();
        s_engine.Sha256Update(input, 0, input.Length);
        s_engine.Sha256End(block, 0);
        return block;
    }
}
