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
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < requests.Length; i++)
        {
            device.Service.Receive(requests[i], 0, requests[i].Length);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(17, channel.ReadAnswers);
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
