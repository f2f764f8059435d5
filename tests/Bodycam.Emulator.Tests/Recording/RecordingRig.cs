using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Emulator.Tests.Recording;

/// <summary>A device's recording path on simulated hardware, with fixed seeds, plus the keys a host would hold.</summary>
internal sealed class RecordingRig : IDisposable
{
    public RecordingRig(long seed = 7, int recipients = 1, RecordingWriterOptions? options = null, long capacity = 64L * 1024 * 1024)
    {
        Random = new SimulatedRandom(seed);
        var keySource = new SimulatedRandom(seed + 1000);
        RecipientPrivateKeys = new List<byte[]>();
        var publicKeys = new List<byte[]>();
        for (int i = 0; i < recipients; i++)
        {
            byte[] k = new byte[32];
            keySource.Fill(k, 0, 32);
            RecipientPrivateKeys.Add(k);
            publicKeys.Add(X25519.GetPublicKey(k));
        }

        byte[] identity = new byte[32];
        keySource.Fill(identity, 0, 32);
        SecureElement = new SimulatedSecureElement(identity, Random);
        Crypto = new SimulatedCryptoEngine();
        Storage = new SimulatedStorage(capacity, null, seed);
        Provisioning = new FixedProvisioning(publicKeys);
        Options = options ?? SmallOptions();
        Store = new RecordingStore(Storage, Crypto, SecureElement, 4096);
        Writer = new RecordingWriter(Options, Store, Crypto, SecureElement, Random, Provisioning);
    }

    public SimulatedRandom Random { get; }

    public SimulatedSecureElement SecureElement { get; }

    public SimulatedCryptoEngine Crypto { get; }

    public SimulatedStorage Storage { get; }

    public FixedProvisioning Provisioning { get; }

    public RecordingWriterOptions Options { get; }

    public RecordingStore Store { get; }

    public RecordingWriter Writer { get; private set; }

    public List<byte[]> RecipientPrivateKeys { get; }

    public byte[] DevicePublicKey => SecureElement.DevicePublicKey;

    public static RecordingWriterOptions SmallOptions() => new()
    {
        DeviceId = "hattem-cam-01",
        SegmentMaxMilliseconds = 1000,
        SegmentMaxBytes = 4096,
        CheckpointInterval = 2,
        FileMaxBytes = 1024 * 1024,
        FileMaxMilliseconds = 60 * 60 * 1000,
        VideoCodec = 3,
        Width = 320,
        Height = 240,
        FramesPerSecond = 10,
        AudioSampleRate = 8000,
        AudioFormat = 1,
        AudioChannels = 1,
    };

    /// <summary>A deterministic frame: its bytes depend on its number only.</summary>
    public static byte[] FrameBytes(int number, int size)
    {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++)
        {
            data[i] = (byte)((number * 31) + (i * 7));
        }

        return data;
    }

    /// <summary>Records video at 10 fps and audio at 10 blocks/s for a duration, with a marker at 1.05 s.</summary>
    public string Record(int milliseconds, long start = 10_000, int videoSize = 300, int audioSize = 160, bool end = true)
    {
        string id = Writer.Begin(start, 1_780_000_000_000, true);
        int n = 0;
        for (long t = 0; t < milliseconds; t += 100)
        {
            Writer.AppendFrame(FrameKind.Video, n % 5 == 0, start + t, FrameBytes(n, videoSize), 0, videoSize);
            Writer.AppendFrame(FrameKind.Audio, true, start + t + 1, FrameBytes(n + 10_000, audioSize), 0, audioSize);
            if (t == 1000)
            {
                Writer.AddMarker(start + t + 50);
            }

            n++;
        }

        if (end)
        {
            Writer.End(start + milliseconds);
        }

        return id;
    }

    public byte[] ReadFile(string name) => Storage.ReadAllBytes(name);

    public byte[] FirstFile(string id) => Storage.ReadAllBytes(Store.ListFiles(id)[0]);

    /// <summary>Simulates a reboot: a new writer and store over the same storage, crypto reset.</summary>
    public RecordingStore Reboot()
    {
        Storage.Reset();
        Crypto.Reset();
        var store = new RecordingStore(Storage, Crypto, SecureElement, 4096);
        Writer = new RecordingWriter(Options, store, Crypto, SecureElement, Random, Provisioning);
        return store;
    }

    public void Dispose()
    {
        Crypto.Dispose();
    }

    internal sealed class FixedProvisioning : IProvisioning
    {
        private readonly List<byte[]> _keys;

        public FixedProvisioning(List<byte[]> keys)
        {
            _keys = keys;
        }

        public bool IsProvisioned => _keys.Count > 0;

        public string MunicipalityId => "hattem";

        public int RecipientCount => _keys.Count;

        public void ReadRecipientKey(int index, byte[] destination, int offset) => Array.Copy(_keys[index], 0, destination, offset, 32);

        public void ReadAuthorityKey(byte[] destination, int offset) => Array.Clear(destination, offset, 32);
    }
}
