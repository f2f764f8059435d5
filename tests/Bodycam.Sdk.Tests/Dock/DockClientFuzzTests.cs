using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Bodycam.Testing;
using CsCheck;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

/// <summary>
/// The host side of the dock protocol against a device that answers with random or mutated frames: the frame
/// reader and every answer parser end in a result or a typed dock exception (<see cref="DockConnectionException"/>,
/// <see cref="DockErrorException"/>), never anything else.
/// </summary>
public class DockClientFuzzTests
{
    private const int Targets = 11;

    [Fact]
    public void Requests_FuzzedAnswers_OnlyTypedOutcomes()
    {
        Gen<(int Target, int Mode, byte[] Bytes, int Seed)> input = Gen.Select(Gen.Int[0, Targets - 1], Gen.Int[0, 3], Gen.Byte.Array[0, 200], Gen.Int);

        input.Sample(
            i => FuzzGuard.Run(() => Exchange(i.Target, i.Mode, i.Bytes, i.Seed), "target " + i.Target + " mode " + i.Mode),
            seed: "0000000000000",
            threads: 1,
            iter: 3700);
    }

    [Theory]
    [InlineData(7, new byte[] { 1, 2, 3 })]
    [InlineData(8, new byte[0])]
    [InlineData(5, new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0x7F })]
    [InlineData(0, new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x41, 1, 0x41 })]
    [InlineData(9, new byte[] { 1 })] // ConfirmRecording: the uint16 count cut short
    [InlineData(10, new byte[] { 1, 0, 0 })] // ConfirmRecordingChain: a byte after the count
    [InlineData(10, new byte[0])]
    [InlineData(8, new byte[] { 2 })] // ConfirmOffload of one file: "2 deleted"
    [InlineData(9, new byte[] { 0, 0 })] // ConfirmRecording of one file: "0 deleted" (a confirm deletes all or nothing)
    [InlineData(10, new byte[] { 3, 0 })] // ConfirmRecordingChain of one file: "3 deleted"
    public void Request_MalformedAnswer_ThrowsMalformedResponse(int target, byte[] answer)
    {
        // Regression: a short provision or confirm answer, an out-of-range clock value and a hello announcing a
        // zero answer size escaped as ArgumentOutOfRange/IndexOutOfRange or were accepted.
        var device = new ScriptedDevice(target, 0, answer, 1);
        using var client = new DockClient(new StreamDockTransport(device), new DockClientOptions { Retries = 0 });

        DockConnectionException e = Assert.Throws<DockConnectionException>(() => Call(client, target));

        Assert.Equal(DockConnectionFailure.MalformedResponse, e.Reason);
    }

    [Fact]
    public void FrameReader_RandomStreams_FramesOrClosed()
    {
        Gen<byte[]> frame = Gen.Select(Gen.Byte, Gen.Byte.Array[0, 64], Gen.Bool).Select((type, payload, corrupt) =>
        {
            byte[] f = DockFraming.Encode(type, 1, payload);
            if (corrupt)
            {
                f[f.Length / 2] ^= 0x10;
            }

            return f;
        });
        Gen<byte[]> stream = Gen.OneOf(frame, Gen.Byte.Array[0, 40], Gen.Const("BCDK"u8.ToArray())).List[0, 12].Select(parts =>
        {
            var all = new List<byte>();
            parts.ForEach(all.AddRange);
            return all.ToArray();
        });

        stream.Sample(
            bytes => FuzzGuard.Run(
                () =>
                {
                    var reader = new DockFrameReader(new MemoryStream(bytes), 4096);
                    try
                    {
                        for (int i = 0; i <= bytes.Length; i++)
                        {
                            DockFrame f = reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                            Assert.InRange(f.Payload.Length, 0, 4096);
                        }

                        Assert.Fail("more frames than bytes");
                    }
                    catch (DockConnectionException e)
                    {
                        Assert.Equal(DockConnectionFailure.Closed, e.Reason);
                    }
                },
                bytes.Length + " bytes"),
            seed: "0000000000000",
            threads: 1,
            iter: 3000);
    }

    [Fact]
    public void ReadAuditTrail_DeviceAnnouncesTrailOverLimit_ThrowsMalformedResponse()
    {
        byte[] answer = AuditAnswer(total: 1L << 40, dataBytes: 4);

        DockConnectionException ex = Assert.Throws<DockConnectionException>(() => ReadAudit(answer));

        Assert.Equal(DockConnectionFailure.MalformedResponse, ex.Reason);
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAuditTrail_DeviceSendsMoreThanAnnounced_ThrowsMalformedResponse()
    {
        byte[] answer = AuditAnswer(total: 10, dataBytes: 20);

        DockConnectionException ex = Assert.Throws<DockConnectionException>(() => ReadAudit(answer));

        Assert.Equal(DockConnectionFailure.MalformedResponse, ex.Reason);
        Assert.Contains("more audit trail", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] AuditAnswer(long total, int dataBytes)
    {
        // ReadAudit answer: offset (int64 LE), total length (int64 LE), the trail bytes (docs/dock-protocol.md).
        byte[] answer = new byte[16 + dataBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(answer.AsSpan(8), total);
        return answer;
    }

    private static void ReadAudit(byte[] answer)
    {
        var device = new ScriptedDevice(4, 0, answer, 1);
        using var client = new DockClient(new StreamDockTransport(device), new DockClientOptions { Retries = 0 });
        client.ConnectAsync().GetAwaiter().GetResult();
        client.ReadAuditTrailAsync().GetAwaiter().GetResult();
    }

    private static void Exchange(int target, int mode, byte[] bytes, int seed)
    {
        var device = new ScriptedDevice(target, mode, bytes, seed);
        using var client = new DockClient(new StreamDockTransport(device), new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(30), Retries = 0 });
        try
        {
            Call(client, target);
        }
        catch (DockConnectionException)
        {
        }
        catch (DockErrorException)
        {
        }
    }

    private static void Call(DockClient client, int target)
    {
        client.ConnectAsync().GetAwaiter().GetResult();
        Task call = target switch
        {
            0 => Task.CompletedTask,
            1 => client.GetInfoAsync(),
            2 => client.ListRecordingsAsync(),
            3 => client.DownloadAsync("r-000.bcr", 0, new MemoryStream()),
            4 => client.ReadAuditTrailAsync(),
            5 => client.SetClockAsync(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000)),
            6 => client.AuthenticateAsync(new FixedAuthenticator()),
            7 => client.ProvisionAsync("bc-0001", "heerde", new FixedSigner(), [new byte[32]]),
            8 => client.ConfirmOffloadAsync([new OffloadConfirmation("r-000.bcr", new byte[32])]),
            9 => client.ConfirmRecordingAsync("00112233445566778899aabbccddeeff", [new OffloadConfirmation("r-000.bcr", new byte[32])]),
            _ => client.ConfirmRecordingChainAsync("00112233445566778899aabbccddeeff", [new ChainConfirmation("r-000.bcr", 100, new byte[32])]),
        };
        call.GetAwaiter().GetResult();
    }

    /// <summary>Answers each request: well-formed answers except for the fuzzed request type.</summary>
    private sealed class ScriptedDevice : Stream
    {
        private readonly int _target;
        private readonly int _mode;
        private readonly byte[] _bytes;
        private readonly Random _random;
        private readonly Queue<byte> _out = new();
        private int _answers;

        public ScriptedDevice(int target, int mode, byte[] bytes, int seed)
        {
            _target = target;
            _mode = mode;
            _bytes = bytes;
            _random = new Random(seed);
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

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = 0;
            while (n < buffer.Length && _out.Count > 0)
            {
                buffer[n++] = _out.Dequeue();
            }

            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> request)
        {
            // Bounded: a client that keeps asking gets the link closed (end of stream) after 40 answers.
            if (++_answers > 40)
            {
                return;
            }

            byte type = request[5];
            ushort id = BitConverter.ToUInt16(request[6..8]);
            bool fuzzed = type == TargetType();
            byte[] payload = fuzzed ? Fuzz(Valid(type)) : Valid(type);
            byte answerType = (byte)(type | 0x80);
            if (fuzzed && _mode == 2)
            {
                answerType = 0x7F;
            }
            else if (fuzzed && _mode == 3)
            {
                answerType = _bytes.Length > 0 ? _bytes[0] : (byte)0;
            }

            foreach (byte b in DockFraming.Encode(answerType, id, payload))
            {
                _out.Enqueue(b);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private byte TargetType() => _target switch
        {
            0 => 0x01,
            1 => 0x02,
            2 => 0x20,
            3 => 0x21,
            4 => 0x30,
            5 => 0x40,
            6 => 0x10,
            7 => 0x50,
            8 => 0x22,
            9 => 0x23,
            _ => 0x24,
        };

        private byte[] Fuzz(byte[] valid)
        {
            if (_mode != 1)
            {
                return _bytes;
            }

            // Mutate the well-formed answer: overwrite a few bytes, then maybe cut or extend it.
            byte[] answer = (byte[])valid.Clone();
            for (int i = 0; i + 1 < _bytes.Length && answer.Length > 0; i += 2)
            {
                answer[_bytes[i] % answer.Length] = _bytes[i + 1];
            }

            int cut = _random.Next(-8, 8);
            return cut < 0 ? answer.AsSpan(0, Math.Max(0, answer.Length + cut)).ToArray() : [.. answer, .. _bytes.AsSpan(0, Math.Min(cut, _bytes.Length))];
        }

        private static byte[] Valid(byte type)
        {
            var w = new List<byte>();
            switch (type)
            {
                case 0x01:
                    w.Add(2);
                    w.AddRange(BitConverter.GetBytes(8192u));
                    w.AddRange(BitConverter.GetBytes(65536u));
                    Str(w, "bc-0001");
                    Str(w, "0.1.0");
                    break;
                case 0x02:
                    Str(w, "bc-0001");
                    Str(w, "0.1.0");
                    w.Add(5);
                    Str(w, "docked");
                    w.Add(1);
                    Str(w, "heerde");
                    w.Add(0);
                    w.AddRange(BitConverter.GetBytes(0u));
                    break;
                case 0x10:
                    w.AddRange(new byte[32]);
                    w.AddRange(BitConverter.GetBytes(600000u));
                    w.AddRange(BitConverter.GetBytes(30000u));
                    break;
                case 0x11:
                    w.Add(1);
                    w.AddRange(BitConverter.GetBytes(600000u));
                    w.AddRange(new byte[32]);
                    w.AddRange(new byte[64]);
                    break;
                case 0x20:
                    w.AddRange(BitConverter.GetBytes((ushort)1));
                    w.Add(1);
                    Str(w, "r-000.bcr");
                    Str(w, "00112233445566778899aabbccddeeff");
                    w.AddRange(BitConverter.GetBytes(100L));
                    w.Add(0);
                    break;
                case 0x21:
                case 0x30:
                    w.AddRange(BitConverter.GetBytes(0L));
                    w.AddRange(BitConverter.GetBytes(4L));
                    w.AddRange(new byte[] { 1, 2, 3, 4 });
                    break;
                case 0x40:
                    w.Add(1);
                    w.AddRange(BitConverter.GetBytes(1_770_000_000_000L));
                    break;
                case 0x50:
                    w.AddRange(new byte[32]);
                    Str(w, "bc-0001");
                    break;
                case 0x22:
                    w.Add(1);
                    break;
                case 0x23:
                case 0x24:
                    // ConfirmRecording and ConfirmRecordingChain: the number of files deleted (uint16).
                    w.AddRange(BitConverter.GetBytes((ushort)1));
                    break;
            }

            return w.ToArray();
        }

        private static void Str(List<byte> w, string s)
        {
            w.Add((byte)s.Length);
            w.AddRange(System.Text.Encoding.ASCII.GetBytes(s));
        }
    }

    private sealed class FixedAuthenticator : IDockAuthenticator
    {
        public byte[] Answer(DockChallenge challenge) => [1, .. new byte[64]];
    }

    private sealed class FixedSigner : IDockSigner
    {
        public ReadOnlyMemory<byte> PublicKey => new byte[32];

        public byte[] Sign(ReadOnlySpan<byte> message) => new byte[64];
    }
}
