using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Checks.Doubles;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>The audit trail (docs/audit-trail.md): append-only, hash-chained, signed, reopened after a reboot.</summary>
public static class AuditChecks
{
    /// <summary>Records survive a reopen and the chain verifies.</summary>
    public static void ReopenKeepsTheChain()
    {
        var clock = new ManualClock();
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var se = new DeterministicSecureElement("device-1");
        var rtc = new ManualRealTimeClock(clock);
        var trail = new AuditTrail(storage, crypto, se, rtc, "audit.log");
        trail.Open();
        trail.Append(AuditEventType.RecordingStarted, 10, "REC-1");
        trail.Append(AuditEventType.Marker, 20, "REC-1");
        trail.Append(AuditEventType.RecordingStopped, 30, "REC-1");
        long length = trail.Length;

        var reopened = new AuditTrail(storage, crypto, se, rtc, "audit.log");
        reopened.Open();
        Check.Equal(3, reopened.Count, "records");
        Check.True(!reopened.FoundDamage, "no damage");
        Check.Equal(length, reopened.Length, "length");
        reopened.Append(AuditEventType.Offloaded, 40, "REC-1");
        Check.Equal(4, reopened.Count, "appended after reopen");
    }

    /// <summary>
    /// A torn last record (a power cut mid-append) is cut at reopen and the trail goes on after the last whole record;
    /// a damaged length field is reported as damage and kept as evidence.
    /// </summary>
    public static void TornRecordCutAndDamageReported()
    {
        var clock = new ManualClock();
        var storage = new MemoryStorage(1024 * 1024);
        var crypto = new DeterministicCryptoEngine();
        var se = new DeterministicSecureElement("device-1");
        var rtc = new ManualRealTimeClock(clock);
        var trail = new AuditTrail(storage, crypto, se, rtc, "audit.log");
        trail.Open();
        trail.Append(AuditEventType.RecordingStarted, 10, "REC-1");
        long firstLength = trail.Length;
        trail.Append(AuditEventType.RecordingStopped, 30, "REC-1");
        storage.Truncate("audit.log", trail.Length - 5);

        var reopened = new AuditTrail(storage, crypto, se, rtc, "audit.log");
        reopened.Open();
        Check.Equal(1, reopened.Count, "whole records");
        Check.Equal(firstLength, reopened.Length, "cut after the last whole record");
        Check.True(!reopened.FoundDamage, "a torn write is not damage");

        storage.FlipBit("audit.log", 1);
        var damaged = new AuditTrail(storage, crypto, se, rtc, "audit.log");
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
}
