using System;
using System.Collections.Generic;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>
/// Makes real recordings the way the emulated camera does (the firmware's writer on the emulator's simulated crypto
/// engine, secure element and storage, fixed seeds), as the emulator tests' recording rig does, and writes them to a
/// folder the way an offload leaves them.
/// </summary>
internal sealed class RecordingFactory : IDisposable
{
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement;
    private readonly SimulatedRandom _random;
    private readonly FixedProvisioning _provisioning;
    private readonly string _deviceId;
    private int _count;

    public RecordingFactory(string deviceId, long seed, byte[] recipientPublicKey)
    {
        _deviceId = deviceId;
        _random = new SimulatedRandom(seed);
        var keySource = new SimulatedRandom(seed + 1000);
        byte[] identity = new byte[32];
        keySource.Fill(identity, 0, 32);
        _secureElement = new SimulatedSecureElement(identity, _random);
        _provisioning = new FixedProvisioning(recipientPublicKey);
    }

    public byte[] DevicePublicKey => _secureElement.DevicePublicKey;

    public string DeviceId => _deviceId;

    /// <summary>Records one escalation starting at a UTC time, and writes its file(s) into folder/deviceId/.</summary>
    public IReadOnlyList<string> Record(string folder, DateTimeOffset startUtc, int milliseconds = 3000, long fileMaxBytes = 1024 * 1024, bool clockSet = true)
    {
        var options = new RecordingWriterOptions
        {
            DeviceId = _deviceId,
            SegmentMaxMilliseconds = 1000,
            SegmentMaxBytes = 4096,
            CheckpointInterval = 2,
            FileMaxBytes = fileMaxBytes,
            FileMaxMilliseconds = 60 * 60 * 1000,
            VideoCodec = 3,
            Width = 320,
            Height = 240,
            FramesPerSecond = 10,
            AudioSampleRate = 8000,
            AudioFormat = 1,
            AudioChannels = 1,
        };
        var storage = new SimulatedStorage(64L * 1024 * 1024, null, 1 + _count);
        var store = new RecordingStore(storage, _crypto, _secureElement, 4096);
        var writer = new RecordingWriter(options, store, _crypto, _secureElement, _random, _provisioning);
        long trigger = 100_000 + (_count * 1000);
        _count++;

        // Two seconds of pre-record before the trigger, as the ring would hand them over.
        long first = trigger - 2000;
        string id = writer.Begin(trigger, clockSet ? startUtc.ToUnixTimeMilliseconds() : 0, clockSet);
        int n = 0;
        for (long t = first; t < trigger + milliseconds; t += 100)
        {
            byte[] video = Frame(n, 300);
            byte[] audio = Frame(n + 10_000, 160);
            writer.AppendFrame(FrameKind.Video, n % 5 == 0, t, video, 0, video.Length);
            writer.AppendFrame(FrameKind.Audio, true, t + 1, audio, 0, audio.Length);
            n++;
        }

        writer.End(trigger + milliseconds);
        string target = Path.Combine(folder, _deviceId);
        Directory.CreateDirectory(target);
        var paths = new List<string>();
        foreach (string name in store.ListFiles(id))
        {
            string path = Path.Combine(target, name);
            File.WriteAllBytes(path, storage.ReadAllBytes(name));
            paths.Add(path);
        }

        return paths;
    }

    public void Dispose() => _crypto.Dispose();

    private static byte[] Frame(int number, int size)
    {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++)
        {
            data[i] = (byte)((number * 31) + (i * 7));
        }

        return data;
    }

    private sealed class FixedProvisioning(byte[] recipient) : IProvisioning
    {
        public bool IsProvisioned => true;

        public string MunicipalityId => "test";

        public int RecipientCount => 1;

        public void ReadRecipientKey(int index, byte[] destination, int offset) => Array.Copy(recipient, 0, destination, offset, 32);

        public void ReadAuthorityKey(byte[] destination, int offset) => Array.Clear(destination, offset, 32);
    }
}
