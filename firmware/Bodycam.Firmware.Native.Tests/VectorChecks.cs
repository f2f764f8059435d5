using System;
using Bodycam.Firmware.Native.Posix;
using nanoFramework.TestFramework;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>
/// The checks the generated vector classes call (one call per published vector): each drives the real interop
/// classes, so the bytes go through the interpreter, the marshaller and the C component.
/// </summary>
public static class VectorChecks
{
    private static readonly NativeCryptoEngine s_engine = new NativeCryptoEngine();
    private static readonly NativeSecureElement s_element = new NativeSecureElement();

    /// <summary>
    /// Seals the message twice (separate buffers at odd offsets, and in place) and checks that both give the same
    /// bytes, that the source was not written, and that they equal the vector's ciphertext and tag exactly when the
    /// vector is valid (and differ from them when it is not).
    /// </summary>
    /// <param name="keyHex">32-byte key.</param>
    /// <param name="ivHex">12-byte nonce.</param>
    /// <param name="aadHex">Additional data.</param>
    /// <param name="msgHex">Plaintext.</param>
    /// <param name="ctHex">Ciphertext of the vector.</param>
    /// <param name="tagHex">Tag of the vector.</param>
    /// <param name="valid">Whether the vector's ciphertext and tag are the correct sealing.</param>
    public static void AesGcmSeal(string keyHex, string ivHex, string aadHex, string msgHex, string ctHex, string tagHex, bool valid)
    {
        byte[] key = Hex.Decode(keyHex);
        byte[] iv = Hex.Decode(ivHex);
        byte[] aad = Hex.Decode(aadHex);
        byte[] msg = Hex.Decode(msgHex);
        byte[] ct = Hex.Decode(ctHex);
        byte[] tag = Hex.Decode(tagHex);

        byte[] aadBuffer = new byte[aad.Length + 3];
        Array.Copy(aad, 0, aadBuffer, 3, aad.Length);
        byte[] source = new byte[msg.Length + 5];
        Array.Copy(msg, 0, source, 5, msg.Length);
        byte[] destination = new byte[msg.Length + 7];
        byte[] tagBuffer = new byte[BytesOfTag + 1];
        s_engine.AesGcmSeal(key, iv, aadBuffer, 3, aad.Length, source, 5, msg.Length, destination, 7, tagBuffer, 1);
        Bytes.AssertEqual(msg, source, 5, "plaintext after a seal into another buffer");

        byte[] inPlace = new byte[msg.Length];
        Array.Copy(msg, inPlace, msg.Length);
        byte[] inPlaceTag = new byte[BytesOfTag];
        s_engine.AesGcmSeal(key, iv, aad, 0, aad.Length, inPlace, 0, msg.Length, inPlace, 0, inPlaceTag, 0);
        Assert.IsTrue(Bytes.Same(destination, 7, inPlace, 0, msg.Length), "in-place and separate seals differ");
        Assert.IsTrue(Bytes.Same(tagBuffer, 1, inPlaceTag, 0, BytesOfTag), "in-place and separate tags differ");

        if (valid)
        {
            Assert.AreEqual(ct.Length, msg.Length, "vector: ciphertext and plaintext lengths");
            Bytes.AssertEqual(ct, destination, 7, "ciphertext");
            Bytes.AssertEqual(tag, tagBuffer, 1, "tag");
        }
        else
        {
            bool same = ct.Length == msg.Length && tag.Length == BytesOfTag
                && Bytes.Same(ct, 0, destination, 7, ct.Length) && Bytes.Same(tag, 0, tagBuffer, 1, BytesOfTag);
            Assert.IsFalse(same, "an invalid vector's ciphertext and tag came out of the seal");
        }
    }

    /// <summary>Checks that a key other than 32 bytes or a nonce other than 12 bytes is refused with ArgumentException.</summary>
    /// <param name="keyHex">The key.</param>
    /// <param name="ivHex">The nonce.</param>
    public static void AesGcmSealRefused(string keyHex, string ivHex)
    {
        byte[] key = Hex.Decode(keyHex);
        byte[] iv = Hex.Decode(ivHex);
        byte[] data = new byte[16];
        byte[] tag = new byte[BytesOfTag];
        Assert.ThrowsException(
            typeof(ArgumentException),
            () => s_engine.AesGcmSeal(key, iv, data, 0, 0, data, 0, data.Length, data, 0, tag, 0));
    }

    /// <summary>
    /// Runs the secure element's ephemeral agreement with <paramref name="privateHex"/> as the ephemeral key and checks
    /// the secret; a second agreement with the base point (u = 9) must return the ephemeral public key of the first.
    /// </summary>
    /// <param name="privateHex">The 32-byte private key.</param>
    /// <param name="publicHex">The peer's 32-byte public key.</param>
    /// <param name="sharedHex">The expected shared secret.</param>
    public static void X25519(string privateHex, string publicHex, string sharedHex)
    {
        byte[] scalar = Hex.Decode(privateHex);
        byte[] ephemeral = new byte[32];
        byte[] shared = new byte[32];
        PosixBoard.UseNextEphemeral(scalar);
        s_element.AgreeEphemeral(Hex.Decode(publicHex), ephemeral, shared);
        Bytes.AssertEqual(Hex.Decode(sharedHex), shared, 0, "shared secret");

        byte[] basePoint = new byte[32];
        basePoint[0] = 9;
        byte[] again = new byte[32];
        byte[] publicKey = new byte[32];
        PosixBoard.UseNextEphemeral(scalar);
        s_element.AgreeEphemeral(basePoint, again, publicKey);
        Bytes.AssertEqual(ephemeral, publicKey, 0, "ephemeral public key");
    }

    /// <summary>Verifies a 64-byte signature (message and signature at offsets inside larger buffers).</summary>
    /// <param name="publicKeyHex">The 32-byte public key.</param>
    /// <param name="msgHex">The message.</param>
    /// <param name="sigHex">The 64-byte signature.</param>
    /// <param name="valid">Whether the vector says the signature is valid.</param>
    public static void Ed25519Verify(string publicKeyHex, string msgHex, string sigHex, bool valid)
    {
        byte[] msg = Hex.Decode(msgHex);
        byte[] sig = Hex.Decode(sigHex);
        byte[] message = new byte[msg.Length + 2];
        Array.Copy(msg, 0, message, 2, msg.Length);
        byte[] signature = new byte[sig.Length + 1];
        Array.Copy(sig, 0, signature, 1, sig.Length);
        Assert.AreEqual(valid, s_engine.Ed25519Verify(Hex.Decode(publicKeyHex), message, 2, msg.Length, signature, 1), "verification result");
    }

    /// <summary>A signature shorter than 64 bytes cannot be handed to the engine: ArgumentOutOfRangeException.</summary>
    /// <param name="publicKeyHex">The public key.</param>
    /// <param name="msgHex">The message.</param>
    /// <param name="sigHex">The short signature.</param>
    public static void Ed25519SignatureTooShort(string publicKeyHex, string msgHex, string sigHex)
    {
        byte[] publicKey = Hex.Decode(publicKeyHex);
        byte[] msg = Hex.Decode(msgHex);
        byte[] sig = Hex.Decode(sigHex);
        Assert.ThrowsException(
            typeof(ArgumentOutOfRangeException),
            () => s_engine.Ed25519Verify(publicKey, msg, 0, msg.Length, sig, 0));
    }

    /// <summary>
    /// A signature longer than 64 bytes: the engine verifies the 64 bytes at an offset (ICryptoEngine), so the length
    /// check is the caller's (the recording reader and the dock service check lengths before verifying).
    /// </summary>
    /// <param name="length">The vector's signature length.</param>
    public static void Ed25519SignatureLongerThan64(int length)
    {
        Assert.SkipTest("a " + length + "-byte signature: the engine reads exactly 64 bytes at an offset; the length check is the caller's");
    }

    /// <summary>
    /// Installs the vector's private key in the secure element and checks its public key, the exact signature of the
    /// message, and that the engine verifies it.
    /// </summary>
    /// <param name="seedHex">The 32-byte private key.</param>
    /// <param name="publicKeyHex">The expected public key.</param>
    /// <param name="msgHex">The message.</param>
    /// <param name="sigHex">The expected signature.</param>
    public static void Ed25519Sign(string seedHex, string publicKeyHex, string msgHex, string sigHex)
    {
        byte[] seed = Hex.Decode(seedHex);
        byte[] msg = Hex.Decode(msgHex);
        PosixBoard.InstallIdentity(seed);
        try
        {
            byte[] publicKey = new byte[33];
            s_element.ReadDevicePublicKey(publicKey, 1);
            Bytes.AssertEqual(Hex.Decode(publicKeyHex), publicKey, 1, "public key");

            byte[] signature = new byte[66];
            s_element.Sign(msg, 0, msg.Length, signature, 2);
            Bytes.AssertEqual(Hex.Decode(sigHex), signature, 2, "signature");
            Assert.IsTrue(s_engine.Ed25519Verify(Hex.Decode(publicKeyHex), msg, 0, msg.Length, signature, 2), "own signature verifies");
        }
        finally
        {
            PosixBoard.ClearIdentity();
        }
    }

    /// <summary>Checks the HKDF-SHA256 output.</summary>
    /// <param name="ikmHex">Input key material.</param>
    /// <param name="saltHex">Salt.</param>
    /// <param name="infoHex">Info.</param>
    /// <param name="okmHex">Expected output (its length is the output length).</param>
    public static void Hkdf(string ikmHex, string saltHex, string infoHex, string okmHex)
    {
        byte[] expected = Hex.Decode(okmHex);
        byte[] output = new byte[expected.Length];
        s_engine.HkdfSha256(Hex.Decode(ikmHex), Hex.Decode(saltHex), Hex.Decode(infoHex), output);
        Bytes.AssertEqual(expected, output, 0, "output key material");
    }

    /// <summary>Checks that an output longer than 255 * 32 bytes is refused with ArgumentException.</summary>
    /// <param name="ikmHex">Input key material.</param>
    /// <param name="saltHex">Salt.</param>
    /// <param name="infoHex">Info.</param>
    /// <param name="size">Requested output length.</param>
    public static void HkdfRefused(string ikmHex, string saltHex, string infoHex, int size)
    {
        byte[] ikm = Hex.Decode(ikmHex);
        byte[] salt = Hex.Decode(saltHex);
        byte[] info = Hex.Decode(infoHex);
        byte[] output = new byte[size];
        Assert.ThrowsException(typeof(ArgumentException), () => s_engine.HkdfSha256(ikm, salt, info, output));
    }

    private const int BytesOfTag = 16;
}
