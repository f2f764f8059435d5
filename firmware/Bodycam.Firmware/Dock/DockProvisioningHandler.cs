using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// PushConfiguration, Provision and ResetProvisioning (docs/dock-protocol.md, "Commands" and "Provisioning store";
/// docs/configuration.md): what the municipality's authority key signs for the device.
/// </summary>
internal sealed class DockProvisioningHandler
{
    private const int MaxMunicipalityIdLength = 32;

    private readonly DockExchange _x;
    private readonly byte[] _key = new byte[DockProtocol.KeySize];

    /// <summary>Initializes a new instance of the <see cref="DockProvisioningHandler"/> class.</summary>
    /// <param name="exchange">What the handlers share.</param>
    public DockProvisioningHandler(DockExchange exchange)
    {
        _x = exchange;
    }

    /// <summary>
    /// ReadConfiguration (session): the stored configuration document and its sequence, as pushed (sequence 0 and
    /// an empty document when only the factory defaults are in force).
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void ReadConfiguration(int requestId)
    {
        int type = (int)DockCommand.ReadConfiguration;
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        int sequenceAt = response.Reserve(8);
        int lengthAt = response.Reserve(2);
        int documentAt = response.Position;
        long sequence = _x.Configuration.ReadStored(response.Buffer, documentAt, _x.Options.MaxResponsePayload - 10, out int length);
        if (sequence <= 0)
        {
            sequence = 0;
            length = 0;
        }

        LittleEndian.WriteInt64(response.Buffer, sequenceAt, sequence);
        LittleEndian.WriteUInt16(response.Buffer, lengthAt, length);
        response.Reserve(length);
        response.Send();
    }

    /// <summary>PushConfiguration: a newer document signed by the authority key, stored for the next boot.</summary>
    /// <param name="requestId">The request's id.</param>
    public void PushConfiguration(int requestId)
    {
        int type = (int)DockCommand.PushConfiguration;
        DockRequestReader request = _x.Request;
        long sequence = request.ReadInt64();
        int length = request.ReadUInt16();
        int document = request.Skip(length);
        int signature = request.Skip(DockProtocol.SignatureSize);
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (sequence <= _x.Configuration.AppliedSequence)
        {
            _x.SendError(type, requestId, DockError.StaleConfiguration, 0);
            return;
        }

        byte[] payload = request.Buffer;
        DockSignedMessage message = _x.Message;
        message.Begin(DockProtocol.ConfigurationLabel);
        message.AddAscii(_x.Provisioning.MunicipalityId);
        message.AddInt64(sequence);
        message.AddUInt16(length);
        message.AddBytes(payload, document, length);
        _x.Provisioning.ReadAuthorityKey(_key, 0);
        if (!_x.Crypto.Ed25519Verify(_key, message.Buffer, 0, message.Length, payload, signature))
        {
            _x.RecordAuthFailure("dock-auth:config-bad-signature");
            _x.SendError(type, requestId, DockError.BadSignature, 0);
            return;
        }

        if (!_x.Configuration.TryApply(sequence, payload, document, length))
        {
            _x.SendError(type, requestId, DockError.BadRequest, 1);
            return;
        }

        _x.Audit.Append(AuditEventType.ConfigurationChanged, AuditTimeBase.None, 0, "sequence=" + sequence.ToString());
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteInt64(sequence);
        response.Send();
    }

    /// <summary>
    /// Provision: enrols an unprovisioned device; the request is signed by the authority key it installs (proof of
    /// possession), bound to this device's id.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void Provision(int requestId)
    {
        int type = (int)DockCommand.Provision;
        DockRequestReader request = _x.Request;
        int signedStart = request.Position;
        string municipality = ReadMunicipalityId();
        int authority = request.Skip(DockProtocol.KeySize);
        int recipients = request.ReadByte();
        if (recipients < 1 || recipients > ProvisioningStore.MaxRecipients)
        {
            request.MarkBad();
        }

        int keys = request.Skip(recipients * DockProtocol.KeySize);
        int signedEnd = request.Position;
        int signature = request.Skip(DockProtocol.SignatureSize);
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        ProvisioningState state = _x.Provisioning.State;
        if (state == ProvisioningState.Provisioned || state == ProvisioningState.Tampered)
        {
            _x.RecordAuthFailure("dock-auth:already-provisioned");
            _x.SendError(type, requestId, DockError.AlreadyProvisioned, state == ProvisioningState.Tampered ? 1u : 0u);
            return;
        }

        byte[] payload = request.Buffer;
        DockSignedMessage message = _x.Message;
        message.Begin(DockProtocol.ProvisionLabel);
        message.AddAscii(_x.Status.DeviceId);
        message.AddBytes(payload, signedStart, signedEnd - signedStart);
        byte[] authorityKey = new byte[DockProtocol.KeySize];
        Array.Copy(payload, authority, authorityKey, 0, DockProtocol.KeySize);
        if (!_x.Crypto.Ed25519Verify(authorityKey, message.Buffer, 0, message.Length, payload, signature))
        {
            _x.RecordAuthFailure("dock-auth:provision-bad-signature");
            _x.SendError(type, requestId, DockError.BadSignature, 0);
            return;
        }

        byte[][] recipientKeys = new byte[recipients][];
        for (int i = 0; i < recipients; i++)
        {
            recipientKeys[i] = new byte[DockProtocol.KeySize];
            Array.Copy(payload, keys + (i * DockProtocol.KeySize), recipientKeys[i], 0, DockProtocol.KeySize);
        }

        _x.Provisioning.Provision(municipality, authorityKey, recipientKeys);
        _x.Audit.Append(AuditEventType.Provisioned, AuditTimeBase.None, 0, municipality);
        _x.Session.End();
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        _x.SecureElement.ReadDevicePublicKey(response.Buffer, response.Reserve(DockProtocol.KeySize));
        response.WriteAscii(_x.Status.DeviceId);
        response.Send();
    }

    /// <summary>ResetProvisioning: clears the enrolment (authority session only, no recordings left).</summary>
    /// <param name="requestId">The request's id.</param>
    public void ResetProvisioning(int requestId)
    {
        int type = (int)DockCommand.ResetProvisioning;
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (_x.Session.Mode != DockSessionMode.Authority)
        {
            _x.RecordAuthFailure("dock-auth:forbidden");
            _x.SendError(type, requestId, DockError.Forbidden, 0);
            return;
        }

        int left = _x.Recordings.Count;
        if (left > 0)
        {
            _x.SendError(type, requestId, DockError.NotEmpty, (uint)left);
            return;
        }

        _x.Provisioning.Reset();
        _x.Audit.Append(AuditEventType.ProvisioningReset, AuditTimeBase.None, 0, string.Empty);
        _x.Session.End();
        _x.Response.Begin(type, requestId);
        _x.Response.Send();
    }

    private static bool IsMunicipalityChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    // A str8 of 1 to 32 characters from a-z, 0-9 and '-'; anything else marks the request bad.
    private string ReadMunicipalityId()
    {
        DockRequestReader request = _x.Request;
        int length = request.ReadByte();
        int at = request.Skip(length);
        if (request.IsBad || length < 1 || length > MaxMunicipalityIdLength)
        {
            request.MarkBad();
            return string.Empty;
        }

        byte[] payload = request.Buffer;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)payload[at + i];
            if (!IsMunicipalityChar(chars[i]))
            {
                request.MarkBad();
                return string.Empty;
            }
        }

        return new string(chars);
    }
}
