using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Bodycam.Firmware.Dock;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Testing.Dock;

/// <summary>A minimal host for firmware tests: encodes requests, decodes answers, signs challenge answers.</summary>
public sealed class DockTestHost
{
    private readonly DockTestDevice _device;
    private readonly CapturingChannel _channel;
    private ushort _nextId;

    public DockTestHost(DockTestDevice device)
    {
        _device = device;
        _channel = (CapturingChannel)device.Channel;
    }

    public static byte[] Frame(int type, int requestId, byte[] payload)
    {
        byte[] frame = new byte[DockProtocol.HeaderSize + payload.Length + DockProtocol.TrailerSize];
        frame[0] = DockProtocol.Magic0;
        frame[1] = DockProtocol.Magic1;
        frame[2] = DockProtocol.Magic2;
        frame[3] = DockProtocol.Magic3;
        frame[4] = DockProtocol.FrameVersion;
        frame[5] = (byte)type;
        LittleEndian.WriteUInt16(frame, 6, requestId);
        LittleEndian.WriteUInt32(frame, 8, (uint)payload.Length);
        Array.Copy(payload, 0, frame, DockProtocol.HeaderSize, payload.Length);
        uint crc = Crc32.Compute(frame, 4, DockProtocol.HeaderSize - 4 + payload.Length);
        LittleEndian.WriteUInt32(frame, DockProtocol.HeaderSize + payload.Length, crc);
        return frame;
    }

    public static List<Answer> Parse(byte[] bytes)
    {
        List<Answer> answers = [];
        int p = 0;
        while (p < bytes.Length)
        {
            if (bytes[p] != DockProtocol.Magic0 || bytes[p + 1] != DockProtocol.Magic1)
            {
                throw new InvalidDataException("device sent garbage at " + p);
            }

            int length = (int)LittleEndian.ReadUInt32(bytes, p + 8);
            uint crc = LittleEndian.ReadUInt32(bytes, p + DockProtocol.HeaderSize + length);
            if (crc != Crc32.Compute(bytes, p + 4, DockProtocol.HeaderSize - 4 + length))
            {
                throw new InvalidDataException("device sent a bad CRC");
            }

            answers.Add(new Answer(bytes[p + 5], LittleEndian.ReadUInt16(bytes, p + 6), bytes.AsSpan(p + DockProtocol.HeaderSize, length).ToArray()));
            p += DockProtocol.HeaderSize + length + DockProtocol.TrailerSize;
        }

        return answers;
    }

    public List<Answer> SendRaw(byte[] bytes)
    {
        _device.Service.Receive(bytes, 0, bytes.Length);
        return Parse(_channel.Take());
    }

    public Answer Request(DockCommand command, byte[] payload)
    {
        ushort id = ++_nextId;
        List<Answer> answers = SendRaw(Frame((int)command, id, payload));
        if (answers.Count != 1 || answers[0].RequestId != id)
        {
            throw new InvalidDataException($"expected one answer to {id}, got {answers.Count}");
        }

        return answers[0];
    }

    public Answer Hello() => Request(DockCommand.Hello, [DockProtocol.MaxProtocolVersion, DockProtocol.MaxProtocolVersion]);

    /// <summary>The host challenge the test host sends in AuthProve (fixed, so tests can rebuild the device's proof).</summary>
    public static byte[] HostChallenge { get; } = Key(99);

    public Answer Authenticate(byte[] signingKey, int mode = 1, byte[]? certificate = null, Func<byte[], byte[]>? tamper = null)
    {
        Answer begin = Request(DockCommand.AuthBegin, []);
        if (begin.IsError)
        {
            return begin;
        }

        byte[] challenge = begin.Payload[..32];
        return Request(DockCommand.AuthProve, Prove(challenge, signingKey, mode, certificate, tamper));
    }

    public byte[] Prove(byte[] challenge, byte[] signingKey, int mode, byte[]? certificate, Func<byte[], byte[]>? tamper = null)
    {
        byte[] message = AuthMessage(challenge, _device.Status.DeviceId, _device.Provisioning.MunicipalityId, (uint)_device.Options.SessionLifetimeMilliseconds, (byte)mode);
        if (tamper != null)
        {
            message = tamper(message);
        }

        using MemoryStream m = new();
        m.WriteByte((byte)mode);
        m.Write(Sign(signingKey, message));
        if (certificate != null)
        {
            m.Write(certificate);
        }

        m.Write(HostChallenge);
        return m.ToArray();
    }

    public static byte[] AuthMessage(byte[] challenge, string deviceId, string municipality, uint lifetime, byte mode)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(DockProtocol.AuthLabel));
        m.Write(challenge);
        Str(m, deviceId);
        Str(m, municipality);
        byte[] b = new byte[4];
        LittleEndian.WriteUInt32(b, 0, lifetime);
        m.Write(b);
        m.WriteByte(DockProtocol.MaxProtocolVersion);
        m.WriteByte(mode);
        return m.ToArray();
    }

    /// <summary>Builds the certificate part of a mode-2 answer: dock key, not-after, authority signature.</summary>
    public static byte[] Certificate(byte[] authorityPrivate, string municipality, byte[] dockPublic, long notAfter)
    {
        using MemoryStream signed = new();
        signed.Write(Encoding.ASCII.GetBytes(DockProtocol.CertificateLabel));
        Str(signed, municipality);
        signed.Write(dockPublic);
        byte[] b = new byte[8];
        LittleEndian.WriteInt64(b, 0, notAfter);
        signed.Write(b);
        using MemoryStream cert = new();
        cert.Write(dockPublic);
        cert.Write(b);
        cert.Write(Sign(authorityPrivate, signed.ToArray()));
        return cert.ToArray();
    }

    public static byte[] Sign(byte[] privateKey, byte[] message)
    {
        byte[] signature = new byte[64];
        Ed25519.Sign(privateKey, 0, message, 0, message.Length, signature, 0);
        return signature;
    }

    public static byte[] PublicKey(byte[] privateKey)
    {
        byte[] key = new byte[32];
        Ed25519.GeneratePublicKey(privateKey, 0, key, 0);
        return key;
    }

    public static byte[] Key(int seed)
    {
        byte[] key = new byte[32];
        new Random(seed).NextBytes(key);
        return key;
    }

    public static void Str(Stream m, string value)
    {
        m.WriteByte((byte)value.Length);
        m.Write(Encoding.ASCII.GetBytes(value));
    }

    public static byte[] NameRequest(string name, params byte[][] rest)
    {
        using MemoryStream m = new();
        Str(m, name);
        foreach (byte[] r in rest)
        {
            m.Write(r);
        }

        return m.ToArray();
    }

    public sealed record Answer(int Type, int RequestId, byte[] Payload)
    {
        public bool IsError => Type == (int)DockCommand.Error;

        public DockError Error => IsError ? (DockError)LittleEndian.ReadUInt16(Payload, 0) : 0;

        public uint Detail => LittleEndian.ReadUInt32(Payload, 3);
    }
}
