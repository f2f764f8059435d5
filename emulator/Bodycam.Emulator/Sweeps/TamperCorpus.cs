using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// The recordings the tamper sweep attacks, made by the device's own writer on simulated hardware with fixed seeds:
/// a short and a long recording, a second long one of the same device (to splice from), one sealed to three
/// recipients, a recording continued over several files, and one closed by recovery after a torn write.
/// </summary>
internal static class TamperCorpus
{
    public static List<TamperFile> Build(long seed)
    {
        var files = new List<TamperFile>();
        using (var a = new Device(seed, 1, Options(60 * 60 * 1000)))
        {
            string shortId = a.Record(1200, 10_000, 300);
            string longId = a.Record(9000, 40_000, 600);
            string partnerId = a.Record(9000, 90_000, 600);
            files.Add(a.File("short", shortId, 0));
            files.Add(a.File("long", longId, 0));
            files.Add(a.File("partner", partnerId, 0));
            string recoveredId = a.RecordInterrupted(3000, 140_000, 300);
            files.Add(a.File("recovered", recoveredId, 0));
        }

        using (var b = new Device(seed + 1, 3, Options(60 * 60 * 1000)))
        {
            files.Add(b.File("multi-recipient", b.Record(3000, 10_000, 300), 0, recipient: 1));
        }

        using (var c = new Device(seed + 2, 1, Options(2500)))
        {
            string id = c.Record(6000, 10_000, 300);
            string[] names = c.Store.ListFiles(id);
            for (int i = 0; i < names.Length; i++)
            {
                files.Add(c.File("continued-" + i, id, i));
            }
        }

        return files;
    }

    private static RecordingWriterOptions Options(int fileMaxMilliseconds) => new()
    {
        DeviceId = "heerde-cam-02",
        SegmentMaxMilliseconds = 1000,
        SegmentMaxBytes = 4096,
        CheckpointInterval = 3,
        FileMaxBytes = 1024 * 1024,
        FileMaxMilliseconds = fileMaxMilliseconds,
        VideoCodec = 3,
        Width = 320,
        Height = 240,
        FramesPerSecond = 10,
        AudioSampleRate = 8000,
        AudioFormat = 1,
        AudioChannels = 1,
    };

    private sealed class Device : IDisposable
    {
        private readonly SimulatedRandom _random;
        private readonly SimulatedSecureElement _secureElement;
        private readonly SimulatedCryptoEngine _crypto = new();
        private readonly SimulatedStorage _storage;
        private readonly SimulatedProvisioning _provisioning;
        private readonly RecordingWriterOptions _options;
        private readonly List<byte[]> _recipients = new();
        private RecordingWriter _writer;

        public Device(long seed, int recipients, RecordingWriterOptions options)
        {
            _random = new SimulatedRandom(seed);
            var keys = new SimulatedRandom(seed + 1000);
            var publicKeys = new byte[recipients][];
            for (int i = 0; i < recipients; i++)
            {
                byte[] k = new byte[32];
                keys.Fill(k, 0, 32);
                _recipients.Add(k);
                publicKeys[i] = X25519.GetPublicKey(k);
            }

            byte[] identity = new byte[32];
            keys.Fill(identity, 0, 32);
            _secureElement = new SimulatedSecureElement(identity, _random);
            _storage = new SimulatedStorage(64L * 1024 * 1024, null, seed);
            _provisioning = new SimulatedProvisioning("heerde", publicKeys, new byte[32]);
            _options = options;
            Store = new RecordingStore(_storage, _crypto, _secureElement, 4096);
            _writer = new RecordingWriter(options, Store, _crypto, _secureElement, _random, _provisioning);
        }

        public RecordingStore Store { get; private set; }

        /// <summary>Records 10 video frames and 10 audio blocks a second, with a marker, and closes the file.</summary>
        public string Record(int milliseconds, long start, int videoSize)
        {
            string id = Frames(milliseconds, start, videoSize);
            _writer.End(start + milliseconds);
            return id;
        }

        /// <summary>Records, loses power with a torn record on the card, reboots and lets recovery close the file.</summary>
        public string RecordInterrupted(int milliseconds, long start, int videoSize)
        {
            string id = Frames(milliseconds, start, videoSize);
            string name = _writer.CurrentFileName;

            // The start of a segment record that never finished: recovery must cut it (docs/recording-format.md, section 5).
            byte[] torn = new byte[40];
            torn[0] = 1;
            torn[3] = 0x01;
            _storage.Append(name, torn, 0, torn.Length);
            _storage.Flush(name);
            _storage.Reset();
            _crypto.Reset();
            Store = new RecordingStore(_storage, _crypto, _secureElement, 4096);
            _writer = new RecordingWriter(_options, Store, _crypto, _secureElement, _random, _provisioning);
            if (Store.RecoverInterrupted().Length != 1)
            {
                throw new InvalidOperationException("Recovery did not close the interrupted corpus recording.");
            }

            return id;
        }

        public TamperFile File(string name, string id, int index, int recipient = 0)
        {
            byte[] bytes = _storage.ReadAllBytes(Store.ListFiles(id)[index]);
            return new TamperFile(name, bytes, _secureElement.DevicePublicKey, _recipients[recipient], id);
        }

        public void Dispose()
        {
            _crypto.Dispose();
        }

        private string Frames(int milliseconds, long start, int videoSize)
        {
            string id = _writer.Begin(start, 1_780_000_000_000 + start, true);
            int n = 0;
            byte[] video = new byte[videoSize];
            byte[] audio = new byte[160];
            for (long t = 0; t < milliseconds; t += 100)
            {
                Fill(video, n);
                Fill(audio, n + 10_000);
                _writer.AppendFrame(FrameKind.Video, n % 5 == 0, start + t, video, 0, video.Length);
                _writer.AppendFrame(FrameKind.Audio, true, start + t + 1, audio, 0, audio.Length);
                if (t == 500)
                {
                    _writer.AddMarker(start + t + 50);
                }

                n++;
            }

            return id;
        }

        private static void Fill(byte[] data, int number)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)((number * 31) + (i * 7));
            }
        }
    }
}
