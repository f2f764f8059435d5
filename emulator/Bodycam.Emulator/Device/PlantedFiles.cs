using System;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;

namespace Bodycam.Emulator.Device;

/// <summary>
/// Files someone with the card for a minute places on it before the device boots (docs/recording-format.md §5 and §9),
/// for the scenario device key <c>planted</c>: <c>forged</c> (an unfinished recording written on a host with its own
/// key), <c>shortened</c> (a finished recording of this device cut to its first records) and <c>malformed-header</c>
/// (a header whose recipient count does not match its length). Boot recovery must leave each untouched and unsigned
/// and audit it as foreign.
/// </summary>
public static class PlantedFiles
{
    /// <summary>The kinds a scenario may plant.</summary>
    public static readonly string[] Kinds = { "forged", "shortened", "malformed-header" };

    /// <summary>Writes one planted file of each kind asked for onto the card.</summary>
    /// <param name="card">The device's card (before its first boot).</param>
    /// <param name="deviceKey">The device's secure element (its key makes the "shortened" file genuine up to the cut).</param>
    /// <param name="kinds">Kinds from <see cref="Kinds"/>.</param>
    /// <param name="seed">Seed for the scratch writers.</param>
    public static void Plant(SimulatedStorage card, ISecureElement deviceKey, string[] kinds, long seed)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (string kind in kinds)
        {
            switch (kind)
            {
                case "forged":
                    {
                        // A host without the device key: its own identity, its own journal, the file left open.
                        var random = new SimulatedRandom(seed + 1);
                        Write(card, SimulatedSecureElement.Create(random), random, seed + 1, end: false, out _);
                        break;
                    }

                case "shortened":
                    {
                        var scratch = new SimulatedStorage(16L * 1024 * 1024);
                        byte[] bytes = Write(scratch, deviceKey, new SimulatedRandom(seed + 2), seed + 2, end: true, out string file);
                        int header = (bytes[8] << 24) | (bytes[9] << 16) | (bytes[10] << 8) | bytes[11];
                        int pos = header;
                        for (int i = 0; i < 5; i++)
                        {
                            pos += 5 + ((bytes[pos + 1] << 24) | (bytes[pos + 2] << 16) | (bytes[pos + 3] << 8) | bytes[pos + 4]);
                        }

                        card.WriteAllBytes(file, bytes[..pos]);
                        break;
                    }

                case "malformed-header":
                    {
                        var scratch = new SimulatedStorage(16L * 1024 * 1024);
                        byte[] bytes = Write(scratch, deviceKey, new SimulatedRandom(seed + 3), seed + 3, end: false, out string file);
                        int header = (bytes[8] << 24) | (bytes[9] << 16) | (bytes[10] << 8) | bytes[11];
                        bytes[header - 113 - 1] ^= 0x03; // the recipient count, just before the single stanza
                        card.WriteAllBytes(file, bytes);
                        break;
                    }

                default:
                    throw new ArgumentException("Unknown planted file kind: " + kind + ".", nameof(kinds));
            }
        }
    }

    private static byte[] Write(SimulatedStorage storage, ISecureElement key, SimulatedRandom random, long seed, bool end, out string file)
    {
        var crypto = new SimulatedCryptoEngine();
        var journal = new SimulatedStorage(1L << 20);
        var store = new RecordingStore(storage, journal, crypto, key, 0);
        byte[] recipient = new byte[32];
        new SimulatedRandom(seed + 100).Fill(recipient, 0, 32);
        var provisioning = new SimulatedProvisioning("heerde", new[] { recipient }, new byte[32]);
        var options = new RecordingWriterOptions { DeviceId = "planted", SegmentMaxBytes = 4096, CheckpointInterval = 2, FileMaxBytes = 1L << 20 };
        var writer = new RecordingWriter(options, store, crypto, key, random, provisioning);
        string id = writer.Begin(1000, 1_780_000_000_000, true);
        byte[] frame = new byte[300];
        for (long t = 0; t < 8000; t += 100)
        {
            frame[0] = (byte)t;
            writer.AppendFrame(FrameKind.Video, true, 1000 + t, frame, 0, frame.Length);
        }

        if (end)
        {
            writer.End(9000);
        }
        else
        {
            writer.Abort();
        }

        file = RecordingFormat.FileName(id, 0);
        return storage.ReadAllBytes(file);
    }
}
