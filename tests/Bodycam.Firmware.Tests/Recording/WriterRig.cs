using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Bodycam.Firmware.Tests.Recording;

/// <summary>The writer and store on simulated hardware, with a spy on the crypto engine and the storage.</summary>
internal sealed class WriterRig : IDisposable
{
    public WriterRig(IFileStorage? storage = null, RecordingWriterOptions? options = null, byte[][]? recipients = null, long reserve = 4096, int keySeed = 12)
    {
        Random = new SimulatedRandom(11);
        SecureElement = SimulatedSecureElement.Create(new SimulatedRandom(keySeed));
        Crypto = new SpyCrypto(new SimulatedCryptoEngine());
        Storage = storage ?? new SimulatedStorage(16L * 1024 * 1024);
        Provisioning = new KeyList(recipients ?? new[] { RecipientPublicKey(1) });
        Options = options ?? new RecordingWriterOptions
        {
            DeviceId = "oldebroek-cam-02",
            SegmentMaxBytes = 4096,
            CheckpointInterval = 3,
            FileMaxBytes = 1024 * 1024,
        };
        Internal = new SimulatedStorage(256 * 1024);
        Store = new RecordingStore(Storage, Internal, Crypto, SecureElement, reserve);
        Writer = new RecordingWriter(Options, Store, Crypto, SecureElement, Random, Provisioning);
    }

    public SimulatedRandom Random { get; }

    public SimulatedSecureElement SecureElement { get; }

    public SpyCrypto Crypto { get; }

    public IFileStorage Storage { get; }

    public KeyList Provisioning { get; }

    /// <summary>Gets the device-internal storage holding the journal of open files.</summary>
    public SimulatedStorage Internal { get; }

    public RecordingWriterOptions Options { get; }

    public RecordingStore Store { get; }

    public RecordingWriter Writer { get; }

    public static byte[] RecipientPublicKey(byte seed)
    {
        byte[] priv = new byte[32];
        priv[0] = seed;
        priv[31] = 0x40;
        byte[] pub = new byte[32];
        X25519.ScalarMultBase(priv, 0, pub, 0);
        return pub;
    }

    public string Record(int milliseconds, long start = 1000, int size = 200, bool end = true)
    {
        string id = Writer.Begin(start, 0, false);
        byte[] frame = new byte[size];
        for (long t = 0; t < milliseconds; t += 100)
        {
            frame[0] = (byte)t;
            Writer.AppendFrame(FrameKind.Video, true, start + t, frame, 0, size);
        }

        if (end)
        {
            Writer.End(start + milliseconds);
        }

        return id;
    }

    public void Dispose()
    {
        Crypto.Inner.Dispose();
    }

    internal sealed class KeyList : IProvisioning
    {
        private readonly byte[][] _keys;

        public KeyList(byte[][] keys)
        {
            _keys = keys;
        }

        public bool IsProvisioned => _keys.Length > 0;

        public string MunicipalityId => "oldebroek";

        public int RecipientCount => _keys.Length;

        public void ReadRecipientKey(int index, byte[] destination, int offset) => Array.Copy(_keys[index], 0, destination, offset, 32);

        public void ReadAuthorityKey(byte[] destination, int offset) => Array.Clear(destination, offset, 32);
    }

    /// <summary>Delegates to the simulated engine and remembers every (key, nonce) pair it sealed with.</summary>
    internal sealed class SpyCrypto : ICryptoEngine
    {
        public SpyCrypto(SimulatedCryptoEngine inner)
        {
            Inner = inner;
        }

        public SimulatedCryptoEngine Inner { get; }

        public bool Record { get; set; } = true;

        public List<string> KeyNoncePairs { get; } = new();

        public void AesGcmSeal(byte[] key, byte[] nonce, byte[] aad, int aadOffset, int aadCount, byte[] plaintext, int plaintextOffset, int count, byte[] ciphertext, int ciphertextOffset, byte[] tag, int tagOffset)
        {
            if (Record)
            {
                KeyNoncePairs.Add(Convert.ToHexString(key) + "/" + Convert.ToHexString(nonce));
            }

            Inner.AesGcmSeal(key, nonce, aad, aadOffset, aadCount, plaintext, plaintextOffset, count, ciphertext, ciphertextOffset, tag, tagOffset);
        }

        public void Sha256Begin() => Inner.Sha256Begin();

        public void Sha256Update(byte[] data, int offset, int count) => Inner.Sha256Update(data, offset, count);

        public void Sha256End(byte[] digest, int offset) => Inner.Sha256End(digest, offset);

        public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output) => Inner.HkdfSha256(ikm, salt, info, output);

        public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset) =>
            Inner.Ed25519Verify(publicKey, message, offset, count, signature, signatureOffset);
    }
}
