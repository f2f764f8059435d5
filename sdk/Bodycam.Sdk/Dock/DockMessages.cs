using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// The byte strings that are signed in the dock protocol (docs/dock-protocol.md, "Signed messages"). Each starts with
/// its own domain label, so a signature for one purpose is never valid for another.
/// </summary>
public static class DockMessages
{
    /// <summary>Label of a challenge answer.</summary>
    public const string AuthLabel = "BODYCAM-DOCK-AUTH-V1";

    /// <summary>Label of the device's proof of its device key.</summary>
    public const string DeviceProofLabel = "BODYCAM-DOCK-DEVICE-V2";

    /// <summary>Label of the first link of a recording's confirm manifest.</summary>
    public const string ConfirmLabel = "BODYCAM-CONFIRM-V2";

    /// <summary>Label of the first link of a recording's chain confirm manifest (ConfirmRecordingChain).</summary>
    public const string ConfirmChainLabel = "BODYCAM-CONFIRM-CHAIN";

    /// <summary>Label of a dock key certificate.</summary>
    public const string CertificateLabel = "BODYCAM-DOCK-CERT-V1";

    /// <summary>Label of a configuration.</summary>
    public const string ConfigurationLabel = "BODYCAM-CONFIG-V1";

    /// <summary>Label of a provisioning request.</summary>
    public const string ProvisionLabel = "BODYCAM-PROVISION-V1";

    /// <summary>Builds the challenge answer to sign.</summary>
    /// <param name="challenge">The device's 32-byte challenge.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="municipalityId">The device's municipality.</param>
    /// <param name="sessionLifetimeMilliseconds">The session lifetime the device announced.</param>
    /// <param name="protocolVersion">The negotiated protocol version.</param>
    /// <param name="mode">1 authority key, 2 dock key with certificate.</param>
    /// <returns>The message.</returns>
    public static byte[] Auth(ReadOnlySpan<byte> challenge, string deviceId, string municipalityId, uint sessionLifetimeMilliseconds, byte protocolVersion, byte mode)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(AuthLabel));
        m.Write(challenge);
        WriteAscii(m, deviceId);
        WriteAscii(m, municipalityId);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, sessionLifetimeMilliseconds);
        m.Write(b);
        m.WriteByte(protocolVersion);
        m.WriteByte(mode);
        return m.ToArray();
    }

    /// <summary>Builds what the device signs with its device key in its answer to AuthProve.</summary>
    /// <param name="deviceChallenge">The device's 32-byte challenge.</param>
    /// <param name="hostChallenge">The host's 32-byte challenge.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="municipalityId">The device's municipality.</param>
    /// <param name="mode">The session mode.</param>
    /// <param name="hostSignature">The host's 64-byte signature of the challenge answer.</param>
    /// <returns>The message.</returns>
    public static byte[] DeviceProof(ReadOnlySpan<byte> deviceChallenge, ReadOnlySpan<byte> hostChallenge, string deviceId, string municipalityId, byte mode, ReadOnlySpan<byte> hostSignature)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(DeviceProofLabel));
        m.Write(deviceChallenge);
        m.Write(hostChallenge);
        WriteAscii(m, deviceId);
        WriteAscii(m, municipalityId);
        m.WriteByte(mode);
        m.Write(hostSignature);
        return m.ToArray();
    }

    /// <summary>
    /// Computes a recording's confirm manifest digest (docs/dock-protocol.md, "ConfirmRecording"):
    /// M0 = SHA-256(label || str8 recording id || uint16 n), Mi = SHA-256(M(i-1) || str8 name i || SHA-256(file i)).
    /// </summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="files">Every file of the recording in the order the device lists them, with its SHA-256.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] ConfirmManifest(string recordingId, IReadOnlyList<OffloadConfirmation> files)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(ConfirmLabel));
        WriteAscii(m, recordingId);
        Span<byte> n = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(n, checked((ushort)files.Count));
        m.Write(n);
        byte[] link = SHA256.HashData(m.ToArray());
        foreach (OffloadConfirmation file in files)
        {
            using MemoryStream next = new();
            next.Write(link);
            WriteAscii(next, file.Name);
            next.Write(file.Sha256.Span);
            link = SHA256.HashData(next.ToArray());
        }

        return link;
    }

    /// <summary>
    /// Computes a recording's chain confirm manifest digest (docs/dock-protocol.md, "ConfirmRecordingChain"):
    /// M0 = SHA-256(label || str8 recording id || uint16 n),
    /// Mi = SHA-256(M(i-1) || str8 name i || uint64 length i || final chain hash i).
    /// </summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="files">Every file of the recording in the order the device lists them.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] ConfirmChainManifest(string recordingId, IReadOnlyList<ChainConfirmation> files)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(ConfirmChainLabel));
        WriteAscii(m, recordingId);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(number, checked((ushort)files.Count));
        m.Write(number[..2]);
        byte[] link = SHA256.HashData(m.ToArray());
        foreach (ChainConfirmation file in files)
        {
            using MemoryStream next = new();
            next.Write(link);
            WriteAscii(next, file.Name);
            BinaryPrimitives.WriteUInt64LittleEndian(number, checked((ulong)file.Length));
            next.Write(number);
            next.Write(file.FinalChainHash.Span);
            link = SHA256.HashData(next.ToArray());
        }

        return link;
    }

    /// <summary>Builds a dock key certificate's signed part.</summary>
    /// <param name="municipalityId">The municipality.</param>
    /// <param name="dockPublicKey">The dock's Ed25519 public key.</param>
    /// <param name="notAfterUnixMilliseconds">Last valid moment (UTC, ms since 1970).</param>
    /// <returns>The message.</returns>
    public static byte[] Certificate(string municipalityId, ReadOnlySpan<byte> dockPublicKey, long notAfterUnixMilliseconds)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(CertificateLabel));
        WriteAscii(m, municipalityId);
        m.Write(dockPublicKey);
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, notAfterUnixMilliseconds);
        m.Write(b);
        return m.ToArray();
    }

    /// <summary>Builds a configuration's signed part.</summary>
    /// <param name="municipalityId">The municipality.</param>
    /// <param name="sequence">Sequence number.</param>
    /// <param name="document">The configuration document (at most 65535 bytes).</param>
    /// <returns>The message.</returns>
    public static byte[] Configuration(string municipalityId, long sequence, ReadOnlySpan<byte> document)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(ConfigurationLabel));
        WriteAscii(m, municipalityId);
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, sequence);
        m.Write(b);
        BinaryPrimitives.WriteUInt16LittleEndian(b, checked((ushort)document.Length));
        m.Write(b[..2]);
        m.Write(document);
        return m.ToArray();
    }

    /// <summary>Builds a provisioning request's signed part.</summary>
    /// <param name="deviceId">The device being enrolled.</param>
    /// <param name="requestWithoutSignature">The request payload up to the signature.</param>
    /// <returns>The message.</returns>
    public static byte[] Provision(string deviceId, ReadOnlySpan<byte> requestWithoutSignature)
    {
        using MemoryStream m = new();
        m.Write(Encoding.ASCII.GetBytes(ProvisionLabel));
        WriteAscii(m, deviceId);
        m.Write(requestWithoutSignature);
        return m.ToArray();
    }

    private static void WriteAscii(Stream m, string value)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(value);
        m.WriteByte((byte)bytes.Length);
        m.Write(bytes);
    }
}
