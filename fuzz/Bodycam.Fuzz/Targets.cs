using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Recording;

namespace Bodycam.Fuzz;

/// <summary>
/// One entry point per parser. Each catches only the exception types its parser documents; anything else escapes
/// and is a crash for the fuzzer.
/// </summary>
internal static class Targets
{
    // The keys of tests/vectors/recording/complete.json: inputs derived from that file reach the signature and
    // decryption paths.
    private static readonly byte[] s_devicePublicKey = Convert.FromHexString("284b7d1f7572fcba9e5ccb6820729353cb33f458c2a8565c517a4698c690c856");
    private static readonly byte[] s_recipientPrivateKey = Convert.FromHexString("f7d8d061e24e21aa31b7afef7d6093940af44207bb0f0cd6e9f7decec4672238");

    private static readonly PropertyInfo[] s_settings = Array.FindAll(
        typeof(DeviceConfiguration).GetProperties(),
        p => p.CanWrite && (p.PropertyType == typeof(long) || p.PropertyType == typeof(int) || p.PropertyType == typeof(bool)));

    public static bool TryGet(string name, [NotNullWhen(true)] out Action<byte[]>? target)
    {
        target = name switch
        {
            "recording" => Recording,
            "dock-device" => DockDevice,
            "dock-host" => DockHost,
            "configuration" => Configuration,
            "scenario" => Scenario,
            _ => null,
        };
        return target is not null;
    }

    /// <summary>The recording reader: header, verification, decryption.</summary>
    public static void Recording(byte[] input)
    {
        var reader = new RecordingReader(input);
        try
        {
            reader.ReadHeader();
            reader.Verify(s_devicePublicKey);
            reader.Decrypt(s_devicePublicKey, s_recipientPrivateKey);
        }
        catch (RecordingFormatException)
        {
        }
        catch (WrongKeyException)
        {
        }
    }

    /// <summary>
    /// The device's dock service: the first byte says whether to open an authority session first (bit 0) and how
    /// to cut the rest into deliveries (bits 1-7); the rest is what the host sends. Nothing may escape.
    /// </summary>
    public static void DockDevice(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var device = new FuzzDockDevice();
        if ((input[0] & 1) != 0)
        {
            device.OpenSession();
        }

        int chunk = 1 + (input[0] >> 1);
        for (int at = 1; at < input.Length; at += chunk)
        {
            int n = Math.Min(chunk, input.Length - at);
            device.Service.Receive(input, at, n);
            device.Clock.AdvanceTo(device.Clock.Now + 250);
            device.Service.Poll();
        }
    }

    /// <summary>The host's dock client: the input is everything the device answers, in order.</summary>
    public static void DockHost(byte[] input)
    {
        using var client = new DockClient(new StreamDockTransport(new AnswerStream(input)), new DockClientOptions { Retries = 0, RequestTimeout = TimeSpan.FromSeconds(30) });
        try
        {
            Run(client.ConnectAsync());
            Run(client.GetInfoAsync());
            Run(client.ListRecordingsAsync());
            Run(client.ReadAuditTrailAsync());
            Run(client.DownloadAsync("r-000.bcr", 0, Stream.Null));
        }
        catch (DockConnectionException)
        {
        }
        catch (DockErrorException)
        {
        }
    }

    /// <summary>
    /// Configuration: the first half of the input sets device settings (1 byte setting, 8 bytes value each) and
    /// validates; the whole input is also pushed, signed by the authority, as a configuration document.
    /// </summary>
    public static void Configuration(byte[] input)
    {
        var configuration = new DeviceConfiguration();
        for (int at = 0; at + 9 <= input.Length / 2; at += 9)
        {
            PropertyInfo setting = s_settings[input[at] % s_settings.Length];
            long value = BinaryPrimitives.ReadInt64LittleEndian(input.AsSpan(at + 1));
            object boxed = setting.PropertyType == typeof(bool) ? (value & 1) != 0 : setting.PropertyType == typeof(int) ? (object)unchecked((int)value) : value;
            try
            {
                setting.SetValue(configuration, boxed);
            }
            catch (TargetInvocationException e) when (e.InnerException is ConfigurationException)
            {
            }
        }

        try
        {
            configuration.Validate();
        }
        catch (ConfigurationException)
        {
        }

        var device = new FuzzDockDevice();
        device.OpenSession();
        device.PushConfiguration(input.Length >= 8 ? BinaryPrimitives.ReadInt64LittleEndian(input) : 1, input);
    }

    /// <summary>The scenario parser on UTF-8 text.</summary>
    public static void Scenario(byte[] input)
    {
        try
        {
            ScenarioParser.Parse(Encoding.UTF8.GetString(input), "fuzz.yaml");
        }
        catch (ScenarioException)
        {
        }
    }

    private static void Run(Task task) => task.GetAwaiter().GetResult();

    /// <summary>A link whose reads give the fuzz input and whose writes go nowhere.</summary>
    private sealed class AnswerStream : Stream
    {
        private readonly MemoryStream _answers;

        public AnswerStream(byte[] answers)
        {
            _answers = new MemoryStream(answers, false);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _answers.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(_answers.Read(buffer.Span));

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
