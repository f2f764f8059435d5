using System;
using System.Collections.Generic;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;

namespace Bodycam.Vault.Bench;

/// <summary>
/// Recordings made by the firmware's writer on the emulator's simulated hardware: 720p-sized Motion JPEG frames
/// (24 KB a frame at 25 fps, about 4.8 Mbit/s) and 16 kHz PCM, in 1 s segments with checkpoints every 10 segments,
/// like the device's defaults.
/// </summary>
internal sealed class BenchRecordings : IDisposable
{
    private readonly SimulatedCryptoEngine _crypto = new();
    private readonly SimulatedSecureElement _secureElement;
    private readonly SimulatedRandom _random = new(5);
    private readonly Provisioning _provisioning;

    public BenchRecordings(byte[] recipientPublicKey)
    {
        byte[] identity = new byte[32];
        new SimulatedRandom(6).Fill(identity, 0, 32);
        _secureElement = new SimulatedSecureElement(identity, _random);
        _provisioning = new Provisioning(recipientPublicKey);
    }

    public byte[] DevicePublicKey => _secureElement.DevicePublicKey;

    public List<List<string>> Make(string folder, int count, int seconds)
    {
        var recordings = new List<List<string>>();
        var storage = new SimulatedStorage(64L * 1024 * 1024 * 1024, null, 3);
        var store = new RecordingStore(storage, _crypto, _secureElement, 4096);
        var options = new RecordingWriterOptions { DeviceId = "HEE-01", VideoCodec = 1, Width = 1280, Height = 720, FramesPerSecond = 25, AudioSampleRate = 16000, AudioFormat = 1, AudioChannels = 1 };
        var writer = new RecordingWriter(options, store, _crypto, _secureElement, _random, _provisioning);
        byte[] video = new byte[24 * 1024];
        byte[] audio = new byte[640];
        new SimulatedRandom(7).Fill(video, 0, video.Length);
        Directory.CreateDirectory(folder);
        for (int r = 0; r < count; r++)
        {
            long start = 1_000_000L * (r + 1);
            string id = writer.Begin(start, 1_780_000_000_000 + (r * 60_000L), true);
            for (long t = 0; t < seconds * 1000L; t += 40)
            {
                writer.AppendFrame(FrameKind.Video, t % 1000 == 0, start + t, video, 0, video.Length);
                writer.AppendFrame(FrameKind.Audio, true, start + t + 1, audio, 0, audio.Length);
            }

            writer.End(start + (seconds * 1000L));
            var paths = new List<string>();
            foreach (string name in store.ListFiles(id))
            {
                string path = Path.Combine(folder, name);
                File.WriteAllBytes(path, storage.ReadAllBytes(name));
                storage.Delete(name);
                paths.Add(path);
            }

            recordings.Add(paths);
        }

        return recordings;
    }

    public void Dispose() => _crypto.Dispose();

    private sealed class Provisioning(byte[] recipient) : IProvisioning
    {
        public bool IsProvisioned => true;

        public string MunicipalityId => "heerde";

        public int RecipientCount => 1;

        public void ReadRecipientKey(int index, byte[] destination, int offset) => Array.Copy(recipient, 0, destination, offset, 32);

        public void ReadAuthorityKey(byte[] destination, int offset) => Array.Clear(destination, offset, 32);
    }
}
