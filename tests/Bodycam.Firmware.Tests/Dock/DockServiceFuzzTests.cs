using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Bodycam.Firmware.Dock;
using Bodycam.Testing;
using Bodycam.Testing.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

/// <summary>
/// The device side of the dock protocol (frame parser and every request's payload parser) on random streams and
/// on well-framed requests with random or mutated payloads, inside an authenticated session so the privileged
/// parsers run too: no exception leaves the service, every answer is a well-formed frame, at most one per request.
/// </summary>
public class DockServiceFuzzTests
{
    private static readonly byte[] s_authority = DockTestHost.Key(100);
    private static readonly int[] s_types = [0x01, 0x02, 0x10, 0x11, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x30, 0x40, 0x41, 0x50, 0x51, 0x33, 0x7F];

    [Fact]
    public void Receive_RandomStreamsInSession_NoExceptionAndWellFormedAnswers()
    {
        Gen<(byte[] Bytes, int Chunk, int Advance)> input = Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[1, 64], Gen.Int[0, 3000]);

        input.Sample(
            i => FuzzGuard.Run(
                () =>
                {
                    (DockTestDevice device, DockTestHost host) = Session();
                    for (int at = 0; at < i.Bytes.Length; at += i.Chunk)
                    {
                        host.SendRaw(i.Bytes.AsSpan(at, Math.Min(i.Chunk, i.Bytes.Length - at)).ToArray());
                        device.Clock.Advance(i.Advance);
                        device.Service.Poll();
                    }

                    Assert.True(device.Storage.Exists("rec-0001.bcr"));
                },
                i.Bytes.Length + " bytes"),
            seed: "0000000000000",
            threads: 1,
            iter: 2000);
    }

    [Fact]
    public void Receive_FramedRequestsWithFuzzedPayloads_OneWellFormedAnswerOrNone()
    {
        Gen<(int Type, byte[] Payload)> request = Gen.Select(Gen.Int[0, s_types.Length - 1], Gen.Int[0, 5], Gen.Byte.Array[0, 120]).Select((t, m, bytes) =>
        {
            int type = s_types[t];
            return (type, Payload(type, m, bytes));
        });

        request.List[1, 6].Sample(
            requests => FuzzGuard.Run(
                () =>
                {
                    (DockTestDevice device, DockTestHost host) = Session();
                    ushort id = 100;
                    foreach ((int type, byte[] payload) in requests)
                    {
                        List<DockTestHost.Answer> answers = host.SendRaw(DockTestHost.Frame(type, ++id, payload));
                        Assert.True(answers.Count <= 1, "more than one answer to one request");
                        if (answers.Count == 1)
                        {
                            Assert.Equal(id, answers[0].RequestId);
                            Assert.True(answers[0].Type == (type | 0x80) || answers[0].IsError);
                        }
                    }

                    Assert.True(device.Storage.Exists("rec-0001.bcr"));
                },
                requests.Count + " requests"),
            seed: "0000000000000",
            threads: 1,
            iter: 3000);
    }

    [Fact]
    public void PushConfiguration_SignedPayloadsWithFuzzedFields_TypedAnswersOnly()
    {
        Gen<(long Sequence, int LengthDelta, byte[] Document, bool Sign)> input = Gen.Select(Gen.Long, Gen.Int[-3, 3], Gen.Byte.Array[0, 300], Gen.Bool);

        input.Sample(
            i => FuzzGuard.Run(
                () =>
                {
                    (DockTestDevice device, DockTestHost host) = Session();
                    byte[] signature = i.Sign ? DockTestHost.Sign(s_authority, SignedConfiguration(i.Sequence, i.Document)) : new byte[64];
                    byte[] length = BitConverter.GetBytes((ushort)Math.Max(0, i.Document.Length + i.LengthDelta));
                    DockTestHost.Answer answer = host.Request(DockCommand.PushConfiguration, [.. BitConverter.GetBytes(i.Sequence), .. length, .. i.Document, .. signature]);
                    bool applied = !answer.IsError;
                    Assert.Equal(applied, device.Configuration.Applied.Count == 1);
                    Assert.True(!applied || (i.Sign && i.LengthDelta == 0 && i.Sequence > 0 && i.Document.Length > 0));
                },
                i.Document.Length + " bytes"),
            seed: "0000000000000",
            threads: 1,
            iter: 2000);
    }

    private static (DockTestDevice Device, DockTestHost Host) Session()
    {
        var device = new DockTestDevice();
        device.Enrol("heerde", s_authority);
        device.AddRecording("rec-0001.bcr", 3000, 1);
        var host = new DockTestHost(device);
        host.Hello();
        Assert.False(host.Authenticate(s_authority).IsError);
        return (device, host);
    }

    /// <summary>A request payload: random bytes, or a well-formed one for the type with bytes overwritten or cut.</summary>
    private static byte[] Payload(int type, int mode, byte[] bytes)
    {
        if (mode == 0)
        {
            return bytes;
        }

        byte[] valid = type switch
        {
            0x01 => [2, 2],
            0x11 => [1, .. new byte[64], .. new byte[32]],
            0x20 => [0, 0],
            0x21 => DockTestHost.NameRequest("rec-0001.bcr", BitConverter.GetBytes(0L), BitConverter.GetBytes(100u)),
            0x22 => [1, .. DockTestHost.NameRequest("rec-0001.bcr", new byte[32])],
            0x23 or 0x24 => DockTestHost.NameRequest("rec-0001", [1, 0], new byte[32]),
            0x30 => [.. BitConverter.GetBytes(0L), .. BitConverter.GetBytes(100u)],
            0x40 => BitConverter.GetBytes(1_780_000_000_000L),
            0x41 => [.. BitConverter.GetBytes(5L), 2, 0, 1, 2, .. new byte[64]],
            0x50 => [6, .. "hattem"u8, .. new byte[32], 1, .. new byte[32], .. new byte[64]],
            _ => [],
        };
        byte[] payload = (byte[])valid.Clone();
        for (int i = 0; i + 1 < bytes.Length && payload.Length > 0 && i < 2 * mode; i += 2)
        {
            payload[bytes[i] % payload.Length] = bytes[i + 1];
        }

        return mode == 5 && payload.Length > 0 ? payload.AsSpan(0, bytes.Length % payload.Length).ToArray() : payload;
    }

    private static byte[] SignedConfiguration(long sequence, byte[] document)
    {
        using MemoryStream signed = new();
        signed.Write(Encoding.ASCII.GetBytes(DockProtocol.ConfigurationLabel));
        DockTestHost.Str(signed, "heerde");
        signed.Write(BitConverter.GetBytes(sequence));
        signed.Write(BitConverter.GetBytes((ushort)document.Length));
        signed.Write(document);
        return signed.ToArray();
    }
}
