using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// The dock client's codecs for answers and range reads (docs/dock-protocol.md, "Commands"): each answer's payload is
/// read field by field and must end where the table says; a value the host cannot represent is a malformed answer.
/// </summary>
internal static class DockAnswers
{
    /// <summary>A range answer's header: int64 offset and int64 file length.</summary>
    internal const int ReadResponseOverhead = 16;

    internal static DockHello ParseHello(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        byte version = r.Byte();
        uint maxRequest = r.UInt32();
        uint maxResponse = r.UInt32();
        DockHello hello = new(version, (int)Math.Min(maxRequest, int.MaxValue), (int)Math.Min(maxResponse, int.MaxValue), r.Ascii(), r.Ascii());
        r.End();

        // Range reads are sized from the announced limit; one that cannot hold a range answer's 16-byte header (or
        // exceeds the protocol's 1 MiB bound) is not a device speaking this protocol.
        if (maxResponse <= ReadResponseOverhead || maxResponse > DockFraming.AbsoluteMaxPayload || maxRequest > DockFraming.AbsoluteMaxPayload)
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device announced impossible frame limits.");
        }

        return hello;
    }

    internal static DeviceInfo ParseInfo(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        DeviceInfo info = new()
        {
            DeviceId = r.Ascii(),
            FirmwareVersion = r.Ascii(),
            StateCode = r.Byte(),
            StateName = r.Ascii(),
            Provisioning = (DeviceProvisioningState)r.Byte(),
            MunicipalityId = r.Ascii(),
            SessionMode = r.Byte(),
            SessionRemainingMilliseconds = r.UInt32(),
        };
        r.End();
        return info;
    }

    internal static DeviceStatus ParseStatus(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        DeviceStatus status = new()
        {
            StorageUsedBytes = r.Int64(),
            StorageCapacityBytes = r.Int64(),
            BatteryPercent = r.Byte(),
            RecipientCount = r.Byte(),
            Clock = ReadClock(ref r),
            RecordingFileCount = r.UInt16(),
        };
        r.End();
        return status;
    }

    internal static StoredConfiguration ParseConfiguration(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        long sequence = r.Int64();
        int length = r.UInt16();
        byte[] document = r.Take(length).ToArray();
        r.End();
        return new StoredConfiguration(sequence, document);
    }

    internal static int ParseConfirmRecording(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        int deleted = r.UInt16();
        r.End();
        return deleted;
    }

    /// <summary>
    /// A confirm deletes every file it names or none (docs/dock-protocol.md): an answer that counts another number of
    /// deleted files breaks the protocol.
    /// </summary>
    internal static int RequireDeletedCount(int deleted, int expected)
    {
        if (deleted != expected)
        {
            throw new DockConnectionException(
                DockConnectionFailure.MalformedResponse,
                $"The device answered that it deleted {deleted} file(s) for a confirm of {expected}: a confirm deletes every file it names or none. The host keeps its copies; read the device's audit trail ('bodycam audit') to see what it deleted.");
        }

        return deleted;
    }

    internal static DateTimeOffset? ReadClock(ref PayloadReader r)
    {
        bool set = r.Byte() != 0;
        long unix = r.Int64();
        return set ? ToTime(unix) : null;
    }

    internal static DateTimeOffset ToTime(long unixMilliseconds)
    {
        // A device's clock value outside what DateTimeOffset holds is a malformed answer, not a host crash.
        if (unixMilliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || unixMilliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device's clock value is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
    }

    internal static (int Total, List<DeviceRecordingFile> Page) ParseList(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        int total = r.UInt16();
        int count = r.Byte();
        List<DeviceRecordingFile> page = new(count);
        for (int i = 0; i < count; i++)
        {
            page.Add(new DeviceRecordingFile(r.Ascii(), r.Ascii(), r.Int64(), r.Byte() != 0));
        }

        r.End();
        return (total, page);
    }

    internal static int EncodeRead(byte[] request, string name, long offset, int count)
    {
        int n = 0;
        request[n++] = (byte)name.Length;
        for (int i = 0; i < name.Length; i++)
        {
            request[n++] = (byte)name[i];
        }

        BinaryPrimitives.WriteInt64LittleEndian(request.AsSpan(n), offset);
        n += 8;
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(n), (uint)count);
        return n + 4;
    }

    internal static int ParseConfirm(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        int deleted = r.Byte();
        r.End();
        return deleted;
    }

    internal static (long Total, byte[] Data) ParseAuditRange(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        r.Int64();
        long total = r.Int64();
        return (total, r.Rest().ToArray());
    }

    internal static DateTimeOffset? ParseClock(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        bool wasSet = r.Byte() != 0;
        long previous = r.Int64();
        r.End();
        return wasSet ? ToTime(previous) : null;
    }

    internal static byte[] ParseProvision(ReadOnlySpan<byte> p)
    {
        PayloadReader r = new(p);
        byte[] key = r.Take(32).ToArray();
        r.Ascii();
        r.End();
        return key;
    }
}
