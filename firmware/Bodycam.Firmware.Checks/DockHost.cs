using System;
using Bodycam.Firmware.Checks.Doubles;
using Bodycam.Firmware.Dock;

namespace Bodycam.Firmware.Checks;

/// <summary>
/// The host end of the dock protocol for the checks (docs/dock-protocol.md, "Framing"): builds request frames with
/// their CRC, hands them to the device's dock service, and reads back the last response frame.
/// </summary>
public sealed class DockHost
{
    private readonly TestDevice _device;
    private readonly byte[] _frame = new byte[4096];
    private int _requestId;

    /// <summary>Initializes a new instance of the <see cref="DockHost"/> class.</summary>
    /// <param name="device">The device (powered on).</param>
    public DockHost(TestDevice device)
    {
        _device = device;
    }

    /// <summary>Gets the type byte of the last response (0x80 | command, or 0x7F for an error).</summary>
    public int ResponseType { get; private set; }

    /// <summary>Gets the last response's payload.</summary>
    public byte[] Payload { get; private set; } = new byte[0];

    /// <summary>Gets the error code of the last response when it was an error, else 0.</summary>
    public int Error => ResponseType == (int)DockCommand.Error ? LittleEndian.ReadUInt16(Payload, 0) : 0;

    /// <summary>Sends a request and reads the response; fails when the device sent nothing or a bad frame.</summary>
    /// <param name="command">The command.</param>
    /// <param name="payload">The request payload.</param>
    /// <param name="length">Its length.</param>
    public void Request(DockCommand command, byte[] payload, int length)
    {
        int n = Build((int)command, payload, length);
        _device.Channel.Clear();
        _device.Assembly!.DockService.Receive(_frame, 0, n);
        Read();
    }

    /// <summary>Builds a frame into a new array (for corruption tests).</summary>
    /// <param name="command">The command.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="length">Its length.</param>
    /// <returns>The frame bytes.</returns>
    public byte[] Frame(DockCommand command, byte[] payload, int length)
    {
        int n = Build((int)command, payload, length);
        byte[] copy = new byte[n];
        Array.Copy(_frame, copy, n);
        return copy;
    }

    /// <summary>Hello with the firmware's own protocol version as both the lowest and the highest.</summary>
    public void Hello()
    {
        Request(DockCommand.Hello, new byte[] { DockProtocol.MaxProtocolVersion, DockProtocol.MaxProtocolVersion }, 2);
        Check.Equal((int)DockCommand.Hello | DockProtocol.ResponseFlag, ResponseType, "hello answered");
    }

    /// <summary>Authenticates with the authority key (or a wrong key) over a fresh challenge.</summary>
    /// <param name="rightKey">False to sign with a key the device does not trust.</param>
    public void Authenticate(bool rightKey)
    {
        Request(DockCommand.AuthBegin, new byte[0], 0);
        Check.Equal((int)DockCommand.AuthBegin | DockProtocol.ResponseFlag, ResponseType, "challenge issued");
        byte[] message = new byte[256];
        int m = 0;
        m = PutAscii(message, m, DockProtocol.AuthLabel, false);
        Array.Copy(Payload, 0, message, m, DockProtocol.ChallengeSize);
        m += DockProtocol.ChallengeSize;
        m = PutAscii(message, m, "HEE-01", true);
        m = PutAscii(message, m, TestDevice.Municipality, true);
        LittleEndian.WriteUInt32(message, m, LittleEndian.ReadUInt32(Payload, DockProtocol.ChallengeSize));
        m += 4;
        message[m++] = DockProtocol.MaxProtocolVersion;
        message[m++] = DockProtocol.ModeAuthority;
        // Mode, signature, then the host challenge (docs/dock-protocol.md, "Authentication", step 3; zeros will do here).
        byte[] prove = new byte[1 + DockProtocol.SignatureSize + DockProtocol.ChallengeSize];
        prove[0] = DockProtocol.ModeAuthority;
        byte[] key = rightKey ? _device.Authority.PublicKey : _device.Recipient.PublicKey;
        DeterministicCryptoEngine.SignatureFor(key, message, 0, m, prove, 1);
        Request(DockCommand.AuthProve, prove, prove.Length);
    }

    /// <summary>Writes a length-prefixed (or bare) ASCII string.</summary>
    /// <param name="target">Destination.</param>
    /// <param name="at">Where.</param>
    /// <param name="value">The string.</param>
    /// <param name="prefixed">Whether a length byte goes first.</param>
    /// <returns>The next free index.</returns>
    public static int PutAscii(byte[] target, int at, string value, bool prefixed)
    {
        if (prefixed)
        {
            target[at++] = (byte)value.Length;
        }

        for (int i = 0; i < value.Length; i++)
        {
            target[at++] = (byte)value[i];
        }

        return at;
    }

    private int Build(int type, byte[] payload, int length)
    {
        _frame[0] = DockProtocol.Magic0;
        _frame[1] = DockProtocol.Magic1;
        _frame[2] = DockProtocol.Magic2;
        _frame[3] = DockProtocol.Magic3;
        _frame[4] = DockProtocol.FrameVersion;
        _frame[5] = (byte)type;
        LittleEndian.WriteUInt16(_frame, 6, ++_requestId);
        LittleEndian.WriteUInt32(_frame, 8, (uint)length);
        Array.Copy(payload, 0, _frame, DockProtocol.HeaderSize, length);
        int end = DockProtocol.HeaderSize + length;
        LittleEndian.WriteUInt32(_frame, end, Crc32.Compute(_frame, 4, end - 4));
        return end + DockProtocol.TrailerSize;
    }

    private void Read()
    {
        CapturingChannel channel = _device.Channel;
        Check.True(channel.Length >= DockProtocol.HeaderSize + DockProtocol.TrailerSize, "the device answered");
        byte[] bytes = channel.Bytes;
        Check.True(
            bytes[0] == DockProtocol.Magic0 && bytes[1] == DockProtocol.Magic1
            && bytes[2] == DockProtocol.Magic2 && bytes[3] == DockProtocol.Magic3,
            "response magic");
        int length = (int)LittleEndian.ReadUInt32(bytes, 8);
        int end = DockProtocol.HeaderSize + length;
        Check.Equal(end + DockProtocol.TrailerSize, channel.Length, "one whole response frame");
        Check.Equal(Crc32.Compute(bytes, 4, end - 4), LittleEndian.ReadUInt32(bytes, end), "response CRC");
        Check.Equal(_requestId, LittleEndian.ReadUInt16(bytes, 6), "request id echoed");
        ResponseType = bytes[5];
        Payload = new byte[length];
        Array.Copy(bytes, DockProtocol.HeaderSize, Payload, 0, length);
    }
}
