using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>The dock service (docs/dock-protocol.md): framing, sequence, authentication, confirm-then-delete.</summary>
public static class DockChecks
{
    /// <summary>Hello is answered with a well-formed frame; a frame with a bad CRC is dropped and counted.</summary>
    public static void FramingAndCrc()
    {
        var device = new TestDevice();
        device.PowerOn();
        var host = new DockHost(device);
        host.Hello();
        byte[] bad = host.Frame(DockCommand.Hello, new byte[] { 1, 1 }, 2);
        bad[bad.Length - 1] ^= 0x01;
        device.Channel.Clear();
        device.Assembly!.DockService.Receive(bad, 0, bad.Length);
        Check.Equal(0, device.Channel.Length, "no answer to a bad CRC");
        Check.Equal(1, device.Assembly.DockService.Parser.BadCrcCount, "bad CRC counted");
    }

    /// <summary>Anything before hello is out of sequence; an unknown command is named as such.</summary>
    public static void SequenceAndUnknownCommand()
    {
        var device = new TestDevice();
        device.PowerOn();
        var host = new DockHost(device);
        host.Request(DockCommand.Info, new byte[0], 0);
        Check.Equal((int)DockError.BadSequence, host.Error, "info before hello");
        host.Hello();
        host.Request((DockCommand)0x33, new byte[0], 0);
        Check.Equal((int)DockError.UnknownCommand, host.Error, "unknown command");
    }

    /// <summary>Listing needs a session; a wrong signature fails and is audited; the authority's opens one.</summary>
    public static void AuthenticationRequiredAndChecked()
    {
        var device = new TestDevice();
        device.PowerOn();
        var host = new DockHost(device);
        host.Hello();
        host.Request(DockCommand.ListRecordings, new byte[2], 2);
        Check.Equal((int)DockError.NotAuthenticated, host.Error, "list without a session");
        host.Authenticate(false);
        Check.Equal((int)DockError.AuthenticationFailed, host.Error, "wrong key");
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.AuthenticationFailed).ToString()), "failure audited");
        host.Authenticate(true);
        Check.Equal((int)DockCommand.AuthProve | DockProtocol.ResponseFlag, host.ResponseType, "authenticated");
        host.Request(DockCommand.ListRecordings, new byte[2], 2);
        Check.Equal((int)DockCommand.ListRecordings | DockProtocol.ResponseFlag, host.ResponseType, "listed");
    }

    /// <summary>Confirm with a wrong hash deletes nothing; with the file's hash, the device deletes it and audits.</summary>
    public static void ConfirmDeletesOnlyOnMatchingHash()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Advance(2000);
        device.Hold(3200);
        device.Dock(true);
        RecordingInfo recording = device.Assembly!.RecordingStore.ListRecordings()[0];
        string file = recording.FileNames[0];
        var host = new DockHost(device);
        host.Hello();
        host.Authenticate(true);

        byte[] request = new byte[1 + 1 + file.Length + 32];
        request[0] = 1;
        int n = DockHost.PutAscii(request, 1, file, true);
        host.Request(DockCommand.ConfirmOffload, request, n + 32);
        Check.Equal((int)DockError.HashMismatch, host.Error, "wrong hash refused");
        Check.True(device.Storage.Exists(file), "nothing deleted");

        byte[] content = new byte[(int)device.Storage.GetLength(file)];
        device.Storage.Read(file, 0, content, 0, content.Length);
        device.Crypto.Sha256Begin();
        device.Crypto.Sha256Update(content, 0, content.Length);
        device.Crypto.Sha256End(request, n);
        host.Request(DockCommand.ConfirmOffload, request, n + 32);
        Check.Equal((int)DockCommand.ConfirmOffload | DockProtocol.ResponseFlag, host.ResponseType, "confirmed");
        Check.True(!device.Storage.Exists(file), "deleted after the verified confirm");
        Check.True(device.Trace.Contains("audit " + ((int)AuditEventType.Deleted).ToString()), "deletion audited");
    }
}
