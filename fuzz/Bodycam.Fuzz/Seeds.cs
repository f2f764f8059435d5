using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Dock;

namespace Bodycam.Fuzz;

/// <summary>Writes a small seed corpus per target, from real files and well-formed exchanges.</summary>
internal static class Seeds
{
    public static void Write(string directory)
    {
        string recording = Create(directory, "recording");
        string vectors = Path.Combine(RepositoryRoot(), "tests", "vectors", "recording");
        foreach (string file in Directory.GetFiles(vectors, "*.bin"))
        {
            File.Copy(file, Path.Combine(recording, Path.GetFileName(file)), true);
        }

        // dock-device: first byte 0xFF = open a session, deliver 128 bytes at a time; then requests.
        string device = Create(directory, "dock-device");
        ushort id = 10;
        var requests = new List<byte>();
        requests.Add(0xFF);
        requests.AddRange(DockFraming.Encode(0x20, id++, [0, 0]));
        requests.AddRange(DockFraming.Encode(0x21, id++, [.. Str("00112233445566778899aabbccddeeff-000.bcr"), .. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(1000u)]));
        requests.AddRange(DockFraming.Encode(0x30, id++, [.. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(1000u)]));
        requests.AddRange(DockFraming.Encode(0x40, id++, BitConverter.GetBytes(1_780_000_000_000L)));
        requests.AddRange(DockFraming.Encode(0x22, id++, [1, .. Str("00112233445566778899aabbccddeeff-000.bcr"), .. new byte[32]]));
        requests.AddRange(DockFraming.Encode(0x41, id++, [.. BitConverter.GetBytes(2L), 3, 0, 1, 2, 3, .. new byte[64]]));
        File.WriteAllBytes(Path.Combine(device, "session-requests"), requests.ToArray());
        File.WriteAllBytes(Path.Combine(device, "hello-info"), [0x00, .. DockFraming.Encode(0x01, 1, [2, 2]), .. DockFraming.Encode(0x02, 2, [])]);

        // dock-host: what a device answers to hello, info, list, read audit and one range read (ids 1 to 5).
        string host = Create(directory, "dock-host");
        var answers = new List<byte>();
        answers.AddRange(DockFraming.Encode(0x81, 1, [1, .. BitConverter.GetBytes(8192u), .. BitConverter.GetBytes(65536u), .. Str("bc-0001"), .. Str("0.1.0")]));
        answers.AddRange(DockFraming.Encode(0x82, 2, [.. Str("bc-0001"), .. Str("0.1.0"), .. new byte[32], 1, .. Str("standby"), .. BitConverter.GetBytes(1000L), .. BitConverter.GetBytes(1L << 30), 80, 1, .. Str("heerde"), 1, 0, .. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(5000L), 1, 0, 0, 0, 0, 0, 0]));
        answers.AddRange(DockFraming.Encode(0xA0, 3, [1, 0, 1, .. Str("r-000.bcr"), .. Str("00112233445566778899aabbccddeeff"), .. BitConverter.GetBytes(4L), 0]));
        answers.AddRange(DockFraming.Encode(0xB0, 4, [.. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(0L)]));
        answers.AddRange(DockFraming.Encode(0xA1, 5, [.. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(4L), 1, 2, 3, 4]));
        File.WriteAllBytes(Path.Combine(host, "session-answers"), answers.ToArray());

        // configuration: settings (index byte + 8-byte value) then a document.
        string configuration = Create(directory, "configuration");
        var settings = new List<byte>();
        foreach ((byte setting, long value) in new (byte, long)[] { (0, 30), (1, 600), (2, 3000), (3, 30000), (4, 120000) })
        {
            settings.Add(setting);
            settings.AddRange(BitConverter.GetBytes(value));
        }

        settings.AddRange(Encoding.ASCII.GetBytes("pre-record=30s\nreminder=120s\n"));
        File.WriteAllBytes(Path.Combine(configuration, "settings"), settings.ToArray());

        string scenario = Create(directory, "scenario");
        foreach (string name in BuiltInScenarios.Names())
        {
            BuiltInScenarios.TryRead(name, out string text);
            File.WriteAllText(Path.Combine(scenario, name + ".yaml"), text);
        }
    }

    private static byte[] Str(string value) => [(byte)value.Length, .. Encoding.ASCII.GetBytes(value)];

    private static string Create(string root, string name)
    {
        string path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bodycam.Device.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Run from inside the repository (tests/vectors/recording is read).");
    }
}
