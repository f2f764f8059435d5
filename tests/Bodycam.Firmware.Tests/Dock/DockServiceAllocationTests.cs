using System;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Testing.Dock;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

public class DockServiceAllocationTests
{
    [Fact]
    public void ReadRecording_Repeated_AllocatesNothingPerFrame()
    {
        NullChannel channel = new();
        DockTestDevice device = new(channel);
        byte[] authority = DockTestHost.Key(100);
        device.Enrol("heerde", authority);
        device.AddRecording("rec-0001.bcr", 1 << 20, 1);
        Feed(device, DockTestHost.Frame((int)DockCommand.Hello, 1, [2, 2]));
        Feed(device, DockTestHost.Frame((int)DockCommand.AuthBegin, 2, []));
        byte[] signed = DockTestHost.AuthMessage(channel.LastChallenge, "bc-0001", "heerde", 600000, 1);
        byte[] proof = [1, .. DockTestHost.Sign(authority, signed), .. DockTestHost.HostChallenge];
        Feed(device, DockTestHost.Frame((int)DockCommand.AuthProve, 3, proof));
        Assert.True(device.Service.IsAuthenticated);
        byte[][] requests = new byte[16][];
        for (int i = 0; i < requests.Length; i++)
        {
            requests[i] = DockTestHost.Frame((int)DockCommand.ReadRecording, 10 + i, DockTestHost.NameRequest("rec-0001.bcr", BitConverter.GetBytes((long)i * 65520), BitConverter.GetBytes(65520u)));
        }

        Feed(device, requests[0]);

        // The fewest bytes of three rounds: an answer path that allocates shows in every round, the runtime's one-off
        // recompilation of a method (tiered JIT) in one.
        long fewest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < requests.Length; i++)
            {
                device.Service.Receive(requests[i], 0, requests[i].Length);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.Equal(1 + (3 * requests.Length), channel.ReadAnswers);
    }

    private static void Feed(DockTestDevice device, byte[] frame) => device.Service.Receive(frame, 0, frame.Length);

    // Counts answers and keeps the last challenge; allocates nothing per write.
    private sealed class NullChannel : IByteChannel
    {
        public byte[] LastChallenge { get; } = new byte[32];

        public int ReadAnswers { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (buffer[offset + 5] == ((int)DockCommand.AuthBegin | 0x80))
            {
                Array.Copy(buffer, offset + DockProtocol.HeaderSize, LastChallenge, 0, 32);
            }

            if (buffer[offset + 5] == ((int)DockCommand.ReadRecording | 0x80))
            {
                ReadAnswers++;
            }
        }
    }
}
