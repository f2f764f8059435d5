using System;
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

    /// <summary>
    /// Confirm with a wrong hash deletes nothing; with the file's hash, the device deletes it and audits it as
    /// offloaded (naming the session's key) and deleted (naming the file alone).
    /// </summary>
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
        string offloaded = "audit " + ((int)AuditEventType.Offloaded).ToString() + " 0 0 " + file;
        string deleted = "audit " + ((int)AuditEventType.Deleted).ToString() + " 0 0 " + file;
        Check.True(device.Trace.Contains(offloaded + ";key=authority:" + Fingerprint(device, device.Authority.PublicKey)), "offload audited with the confirming key");
        Check.True(device.Trace.Contains(deleted), "deletion audited");
        Check.True(!device.Trace.Contains(deleted + ";"), "deletion names the file alone");
    }

    /// <summary>
    /// ConfirmRecordingChain (docs/dock-protocol.md): a digest over each file's name, length and final chain hash, the
    /// hash computed as a host does by walking the whole chain of the copy, deletes the recording and audits each file
    /// (Offloaded naming the session's key, Deleted the file alone); the same digest with one bit flipped deletes
    /// nothing.
    /// </summary>
    public static void ConfirmRecordingChainDeletesOnlyOnMatchingDigest()
    {
        var device = new TestDevice();
        device.PowerOn();
        device.DoublePress();
        device.Advance(2000);
        device.Hold(3200);
        device.Dock(true);
        RecordingInfo recording = device.Assembly!.RecordingStore.ListRecordings()[0];
        string id = recording.RecordingId;
        string[] files = recording.FileNames;
        var host = new DockHost(device);
        host.Hello();
        host.Authenticate(true);

        // M0 = SHA-256(label || str8 id || uint16 n); Mi = SHA-256(M(i-1) || str8 name || uint64 length || final chain).
        byte[] manifest = new byte[DockProtocol.HashSize];
        byte[] first = new byte[DockProtocol.ConfirmChainLabel.Length + 1 + id.Length + 2];
        int p = DockHost.PutAscii(first, 0, DockProtocol.ConfirmChainLabel, false);
        p = DockHost.PutAscii(first, p, id, true);
        LittleEndian.WriteUInt16(first, p, files.Length);
        device.Crypto.Sha256Begin();
        device.Crypto.Sha256Update(first, 0, first.Length);
        device.Crypto.Sha256End(manifest, 0);
        for (int i = 0; i < files.Length; i++)
        {
            byte[] content = new byte[(int)device.Storage.GetLength(files[i])];
            device.Storage.Read(files[i], 0, content, 0, content.Length);
            byte[] link = new byte[DockProtocol.HashSize + 1 + files[i].Length + 8 + DockProtocol.HashSize];
            Array.Copy(manifest, link, DockProtocol.HashSize);
            int at = DockHost.PutAscii(link, DockProtocol.HashSize, files[i], true);
            LittleEndian.WriteInt64(link, at, content.Length);
            WalkChain(device, content, link, at + 8);
            device.Crypto.Sha256Begin();
            device.Crypto.Sha256Update(link, 0, link.Length);
            device.Crypto.Sha256End(manifest, 0);
        }

        byte[] request = new byte[1 + id.Length + 2 + DockProtocol.HashSize];
        int n = DockHost.PutAscii(request, 0, id, true);
        LittleEndian.WriteUInt16(request, n, files.Length);
        Array.Copy(manifest, 0, request, n + 2, DockProtocol.HashSize);
        request[n + 2] ^= 0x01;
        host.Request(DockCommand.ConfirmRecordingChain, request, request.Length);
        Check.Equal((int)DockError.HashMismatch, host.Error, "wrong digest refused");
        Check.Equal(0, (int)LittleEndian.ReadUInt32(host.Payload, 3), "detail 0: the digest differs");
        Check.True(device.Storage.Exists(files[0]), "nothing deleted");

        request[n + 2] ^= 0x01;
        host.Request(DockCommand.ConfirmRecordingChain, request, request.Length);
        Check.Equal((int)DockCommand.ConfirmRecordingChain | DockProtocol.ResponseFlag, host.ResponseType, "confirmed");
        Check.Equal(files.Length, LittleEndian.ReadUInt16(host.Payload, 0), "files deleted");
        for (int i = 0; i < files.Length; i++)
        {
            Check.True(!device.Storage.Exists(files[i]), "deleted after the confirm");
        }

        // Offloaded names the file and the session's key (docs/audit-trail.md: ";key=authority:" and the first 8 bytes
        // of the SHA-256 of the authority key in hex); Deleted names the file alone.
        string key = ";key=authority:" + Fingerprint(device, device.Authority.PublicKey);
        for (int i = 0; i < files.Length; i++)
        {
            string offloaded = "audit " + ((int)AuditEventType.Offloaded).ToString() + " 0 0 " + files[i];
            string deleted = "audit " + ((int)AuditEventType.Deleted).ToString() + " 0 0 " + files[i];
            Check.True(device.Trace.Contains(offloaded + key), "offload audited with the confirming key");
            Check.True(device.Trace.Contains(deleted), "deletion audited");
            Check.True(!device.Trace.Contains(deleted + ";"), "deletion names the file alone");
        }
    }

    // The first 8 bytes of SHA-256(key) in lower-case hex, as a host computes a key's audit fingerprint.
    private static string Fingerprint(TestDevice device, byte[] key)
    {
        const string Hex = "0123456789abcdef";
        byte[] digest = new byte[DockProtocol.HashSize];
        device.Crypto.Sha256Begin();
        device.Crypto.Sha256Update(key, 0, key.Length);
        device.Crypto.Sha256End(digest, 0);
        char[] text = new char[16];
        for (int i = 0; i < 8; i++)
        {
            text[2 * i] = Hex[digest[i] >> 4];
            text[(2 * i) + 1] = Hex[digest[i] & 0x0F];
        }

        return new string(text);
    }

    // The final chain hash as a host computes it (docs/recording-format.md, "7. Hash chain"): h0 = SHA-256(header),
    // h = SHA-256(h || record) over every record by its big-endian length field; written into target at offset.
    private static void WalkChain(TestDevice device, byte[] content, byte[] target, int offset)
    {
        int headerLength = (content[8] << 24) | (content[9] << 16) | (content[10] << 8) | content[11];
        byte[] chain = new byte[DockProtocol.HashSize];
        device.Crypto.Sha256Begin();
        device.Crypto.Sha256Update(content, 0, headerLength);
        device.Crypto.Sha256End(chain, 0);
        int pos = headerLength;
        while (pos < content.Length)
        {
            int body = (content[pos + 1] << 24) | (content[pos + 2] << 16) | (content[pos + 3] << 8) | content[pos + 4];
            int end = pos + 5 + body;
            device.Crypto.Sha256Begin();
            device.Crypto.Sha256Update(chain, 0, DockProtocol.HashSize);
            device.Crypto.Sha256Update(content, pos, end - pos);
            device.Crypto.Sha256End(chain, 0);
            pos = end;
        }

        Check.Equal(content.Length, pos, "the records fill the file");
        Array.Copy(chain, 0, target, offset, DockProtocol.HashSize);
    }
}
