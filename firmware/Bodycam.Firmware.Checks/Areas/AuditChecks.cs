using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Checks.Doubles;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>The audit trail (docs/audit-trail.md): append-only, hash-chained, signed, reopened after a reboot.</summary>
public static class AuditChecks
{
    private const int RecordFields = 4;

    /// <summary>Records survive a reopen and the chain verifies.</summary>
    public static void ReopenKeepsTheChain()
    {
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var se = new DeterministicSecureElement("device-1");
        var trail = new AuditTrail(storage, crypto, se, "audit.log");
        trail.Open();
        trail.Append(AuditEventType.RecordingStarted, AuditTimeBase.Utc, 1790000000000, "REC-1");
        trail.Append(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, 20, "REC-1");
        trail.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, 30, "REC-1");
        long length = trail.Length;

        var reopened = new AuditTrail(storage, crypto, se, "audit.log");
        reopened.Open();
        Check.Equal(3, reopened.Count, "records");
        Check.True(!reopened.FoundDamage, "no damage");
        Check.Equal(length, reopened.Length, "length");
        reopened.Append(AuditEventType.Offloaded, AuditTimeBase.None, 0, "REC-1");
        Check.Equal(4, reopened.Count, "appended after reopen");
    }

    /// <summary>
    /// A torn last record (a power cut mid-append) is cut at reopen and the trail goes on after the last whole record;
    /// a damaged length field is reported as damage and kept as evidence.
    /// </summary>
    public static void TornRecordCutAndDamageReported()
    {
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var se = new DeterministicSecureElement("device-1");
        var trail = new AuditTrail(storage, crypto, se, "audit.log");
        trail.Open();
        trail.Append(AuditEventType.RecordingStarted, AuditTimeBase.Utc, 1790000000000, "REC-1");
        long firstLength = trail.Length;
        trail.Append(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, 30, "REC-1");
        storage.Truncate("audit.log", trail.Length - 5);

        var reopened = new AuditTrail(storage, crypto, se, "audit.log");
        reopened.Open();
        Check.Equal(1, reopened.Count, "whole records");
        Check.Equal(firstLength, reopened.Length, "cut after the last whole record");
        Check.True(!reopened.FoundDamage, "a torn write is not damage");

        storage.FlipBit("audit.log", 1);
        var damaged = new AuditTrail(storage, crypto, se, "audit.log");
        damaged.Open();
        Check.True(damaged.FoundDamage, "a bad length field is damage");
        Check.Equal(firstLength, storage.GetLength("audit.log"), "the damaged bytes are kept");
    }

    /// <summary>The device logs evidence events only: a boot, standby and docking add no records.</summary>
    public static void NoUsageLog()
    {
        var device = new TestDevice();
        device.PowerOn();
        long afterEnrolment = device.Assembly!.AuditTrail.Count;
        device.Advance(60000);
        device.Dock(true);
        device.Dock(false);
        device.PowerCut();
        device.PowerOn();
        Check.Equal(afterEnrolment, device.Assembly!.AuditTrail.Count, "records after boots, standby and docking");
    }

    /// <summary>
    /// Format 2 on a whole device: no record carries the monotonic clock (it would date the start of the shift), the
    /// start carries its UTC time, the marker and the stop their time since the recording's start, the rest none.
    /// </summary>
    public static void RecordsCarryNoPowerOnTime()
    {
        const long OnFor = 5000000;
        var device = new TestDevice();
        device.Clock.Now = OnFor;
        device.PowerOn();
        device.Advance(2000);
        device.DoublePress();
        device.Advance(1500);
        device.SinglePress();
        device.Advance(1000);
        device.Hold(3200);
        long[] records = ReadTrail(device.Storage);
        int count = records.Length / RecordFields;
        Check.Equal(4, count, "provisioned, started, marker, stopped");
        for (int i = 0; i < count; i++)
        {
            long type = records[(i * RecordFields) + 1];
            long timeBase = records[(i * RecordFields) + 2];
            long time = records[(i * RecordFields) + 3];
            Check.Equal(AuditTrail.FormatVersion, records[i * RecordFields], "format version of record " + i.ToString());
            Check.True(time < OnFor || time >= TestDevice.SetTime, "record " + i.ToString() + " carries no monotonic time");
            if (type == (long)AuditEventType.RecordingStarted)
            {
                Check.Equal((long)AuditTimeBase.Utc, timeBase, "the start's time base");
                Check.True(time > TestDevice.SetTime, "the start in UTC");
            }
            else if (type == (long)AuditEventType.Marker || type == (long)AuditEventType.RecordingStopped)
            {
                Check.Equal((long)AuditTimeBase.SinceRecordingStart, timeBase, "time base of record " + i.ToString());
                Check.True(time > 0 && time < 10000, "time since the start of record " + i.ToString());
            }
            else
            {
                Check.Equal((long)AuditTimeBase.None, timeBase, "time base of record " + i.ToString());
                Check.Equal(0, time, "time of record " + i.ToString());
            }
        }
    }

    /// <summary>
    /// A battery fault outside a recording is not audited (it would show the wearer's usage); one that closes a
    /// recording is, against that recording and with its time since the start: it explains the close.
    /// </summary>
    public static void BatteryFaultAuditedOnlyInRecording()
    {
        var device = new TestDevice();
        device.PowerOn();
        long afterEnrolment = device.Assembly!.AuditTrail.Count;
        device.Battery.Percent = 4;
        device.Advance(11000);
        Check.True(device.Core.Fault == FaultReason.BatteryCritical, "battery fault in standby");
        Check.Equal(afterEnrolment, device.Assembly!.AuditTrail.Count, "records after a battery fault in standby");
        device.Battery.Percent = 50;
        device.Advance(11000);
        Check.True(device.Core.State == DeviceState.Standby, "back in standby");
        device.DoublePress();
        string id = device.Core.CurrentRecordingId;
        device.Battery.Percent = 4;
        device.Advance(11000);
        Check.True(device.Core.Fault == FaultReason.BatteryCritical, "battery fault in the recording");
        long[] records = ReadTrail(device.Storage);
        int last = (records.Length / RecordFields) - 1;
        Check.Equal((long)AuditEventType.RecordingStopped, records[((last - 1) * RecordFields) + 1], "the stop first");
        Check.Equal((long)AuditEventType.Fault, records[(last * RecordFields) + 1], "then the fault");
        Check.Equal((long)AuditTimeBase.SinceRecordingStart, records[(last * RecordFields) + 2], "the fault's time base");
        Check.Equal(records[((last - 1) * RecordFields) + 3], records[(last * RecordFields) + 3], "the fault at the close");
        Check.True(device.Trace.Contains(" battery-critical;recording=" + id), "the fault names the recording");
    }

    // Parses the format-2 records of the trail as docs/audit-trail.md gives them: version, type, time base, time
    // (four values per record). Format 1 or a bad layout fails the check.
    private static long[] ReadTrail(MemoryStorage storage)
    {
        byte[] bytes = new byte[(int)storage.GetLength("audit.log")];
        storage.Read("audit.log", 0, bytes, 0, bytes.Length);
        int count = 0;
        for (int p = 0; p < bytes.Length; p += 2 + (bytes[p] | (bytes[p + 1] << 8)) + 64)
        {
            count++;
        }

        long[] records = new long[count * RecordFields];
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            int bodyLength = bytes[at] | (bytes[at + 1] << 8);
            int b = at + 2;
            Check.Equal(AuditTrail.FixedBodySize + bytes[b + 15], bodyLength, "body length of record " + i.ToString());
            records[i * RecordFields] = bytes[b];
            records[(i * RecordFields) + 1] = bytes[b + 5];
            records[(i * RecordFields) + 2] = bytes[b + 6];
            long time = 0;
            for (int k = 7; k >= 0; k--)
            {
                time = (time << 8) | bytes[b + 7 + k];
            }

            records[(i * RecordFields) + 3] = time;
            at += 2 + bodyLength + 64;
        }

        return records;
    }
}
