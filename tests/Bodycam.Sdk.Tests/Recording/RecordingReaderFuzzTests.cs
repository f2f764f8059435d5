using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Bodycam.Sdk.Recording;
using Bodycam.Testing;
using CsCheck;
using Xunit;

namespace Bodycam.Sdk.Tests.Recording;

/// <summary>
/// The reader on mutated real files and random bytes: every outcome is a result or one of the reader's typed
/// exceptions (<see cref="RecordingFormatException"/>, <see cref="WrongKeyException"/>), never anything else.
/// </summary>
public class RecordingReaderFuzzTests
{
    private static readonly string[] s_names = ["complete", "multi-recipient", "recovered"];
    private static readonly byte[][] s_files = s_names.Select(n => File.ReadAllBytes(Path.Combine(VectorDirectory(), n + ".bin"))).ToArray();
    private static readonly byte[][] s_deviceKeys = s_names.Select(n => Hex(Json(n)["devicePublicKey"])).ToArray();
    private static readonly byte[][] s_recipientKeys = s_names.Select(n => Hex(Json(n)["recipientPrivateKeys"]![0])).ToArray();

    [Fact]
    public void Read_MutatedRealFiles_OnlyTypedOutcomes()
    {
        Gen<(int, byte[])> mutated = Gen.Int[0, s_files.Length - 1].SelectMany(i => Mutations(s_files[i]).Select(f => (i, f)));

        mutated.Sample(
            input => ReadEverything(input.Item1, input.Item2),
            seed: "0000000000000",
            threads: 1,
            iter: 4000);
    }

    [Fact]
    public void Read_RandomBytes_OnlyTypedOutcomes()
    {
        // Half the inputs start with a valid preamble so the header parser gets past the magic and version.
        Gen<byte[]> random = Gen.Select(Gen.Bool, Gen.Byte.Array[0, 2000]).Select((preamble, bytes) =>
            preamble && bytes.Length >= 12 ? [.. "BCAMRF"u8, 0, 1, .. bytes.AsSpan(8)] : bytes);

        random.Sample(
            bytes => ReadEverything(0, bytes),
            seed: "0000000000000",
            threads: 1,
            iter: 4000);
    }

    /// <summary>1 to 8 edits of a real file: byte flips and overwrites, inserts, deletes, cuts, copies, length fields.</summary>
    internal static Gen<byte[]> Mutations(byte[] original)
    {
        Gen<(int Kind, int A, int B, byte V)> edit = Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte);
        return edit.Array[1, 8].Select(edits =>
        {
            byte[] file = (byte[])original.Clone();
            foreach ((int kind, int a, int b, byte v) in edits)
            {
                if (file.Length == 0)
                {
                    break;
                }

                int at = a % file.Length;
                int span = 1 + (b % Math.Min(64, file.Length - at));
                file = kind switch
                {
                    0 => Set(file, at, (byte)(file[at] ^ (v | 1))),
                    1 => Set(file, at, v),
                    2 => [.. file.AsSpan(0, at), .. Enumerable.Repeat(v, span), .. file.AsSpan(at)],
                    3 => [.. file.AsSpan(0, at), .. file.AsSpan(at + span)],
                    4 => file.AsSpan(0, at).ToArray(),
                    5 => [.. file.AsSpan(0, at), .. file.AsSpan(b % file.Length, Math.Min(span, file.Length - (b % file.Length))), .. file.AsSpan(at)],
                    _ => SetLength(file, at, b),
                };
            }

            return file;
        });
    }

    private static void ReadEverything(int keys, byte[] bytes)
    {
        FuzzGuard.Run(
            () =>
            {
                var reader = new RecordingReader(bytes);
                Typed(() => reader.ReadHeader());
                Typed(() => reader.Verify(s_deviceKeys[keys]));
                Typed(() => reader.Decrypt(s_deviceKeys[keys], s_recipientKeys[keys]));
            },
            bytes.Length + " bytes");
    }

    private static void Typed(Action read)
    {
        try
        {
            read();
        }
        catch (RecordingFormatException)
        {
        }
        catch (WrongKeyException)
        {
        }
    }

    private static byte[] Set(byte[] file, int at, byte value)
    {
        file[at] = value;
        return file;
    }

    private static byte[] SetLength(byte[] file, int at, int value)
    {
        // Aim at a 4-byte big-endian field (record lengths, header length, segment indices).
        if (at + 4 <= file.Length)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(at), value % 3 == 0 ? value : value % 70_000);
        }

        return file;
    }

    private static byte[] Hex(JsonNode? node) => Convert.FromHexString((string)node!);

    private static JsonNode Json(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(VectorDirectory(), name + ".json")))!;

    private static string VectorDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bodycam.Device.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "vectors", "recording");
    }
}
