using System;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Hello, Info, AuthBegin, AuthProve and EndSession (docs/dock-protocol.md, "Version negotiation",
/// "Authentication" and "Commands"): the commands that need no session.
/// </summary>
internal sealed class DockSessionHandler
{
    private readonly DockExchange _x;
    private readonly byte[] _key = new byte[DockProtocol.KeySize];

    /// <summary>Initializes a new instance of the <see cref="DockSessionHandler"/> class.</summary>
    /// <param name="exchange">What the handlers share.</param>
    public DockSessionHandler(DockExchange exchange)
    {
        _x = exchange;
    }

    /// <summary>Hello: negotiates the version, ends any session, and answers the limits and the identity.</summary>
    /// <param name="requestId">The request's id.</param>
    public void Hello(int requestId)
    {
        int type = (int)DockCommand.Hello;
        DockRequestReader request = _x.Request;
        int min = request.ReadByte();
        int max = request.ReadByte();
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (min > max || max < DockProtocol.MinProtocolVersion || min > DockProtocol.MaxProtocolVersion)
        {
            _x.SendError(type, requestId, DockError.UnsupportedVersion, DockProtocol.MaxProtocolVersion);
            return;
        }

        int version = max < DockProtocol.MaxProtocolVersion ? max : DockProtocol.MaxProtocolVersion;
        _x.Session.End();
        _x.Recordings.Refresh();
        _x.Session.HelloDone = true;
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteByte(version);
        response.WriteUInt32((uint)_x.Options.MaxRequestPayload);
        response.WriteUInt32((uint)_x.Options.MaxResponsePayload);
        response.WriteAscii(_x.Status.DeviceId);
        response.WriteAscii(_x.Status.FirmwareVersion);
        response.Send();
    }

    /// <summary>
    /// Info: only what a dock needs to authenticate (identity, state, enrolment, this link's session); nothing about
    /// the wearer, the battery or the storage (those are in <see cref="Status"/>, behind authentication).
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    public void Info(int requestId)
    {
        int type = (int)DockCommand.Info;
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        long now = _x.Now;
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteAscii(_x.Status.DeviceId);
        response.WriteAscii(_x.Status.FirmwareVersion);
        response.WriteByte(_x.Status.StateCode);
        response.WriteAscii(_x.Status.StateName);
        response.WriteByte((int)_x.Provisioning.State);
        response.WriteAscii(_x.Provisioning.MunicipalityId);
        DockSession session = _x.Session;
        bool live = session.IsLive(now);
        response.WriteByte(live ? (int)session.Mode : 0);
        response.WriteUInt32(live ? (uint)(session.ExpiresAt - now) : 0);
        response.Send();
    }

    /// <summary>Status (session): storage, battery, enrolment details, clock and recording count.</summary>
    /// <param name="requestId">The request's id.</param>
    public void Status(int requestId)
    {
        int type = (int)DockCommand.Status;
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        long capacity = _x.Storage.ReadCapacityBytes();
        long free = _x.Storage.ReadFreeBytes();
        bool clockSet = _x.RealTimeClock.IsSet;
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteInt64(capacity - free);
        response.WriteInt64(capacity);
        response.WriteByte(_x.Battery.ReadPercent());
        response.WriteByte(_x.Provisioning.RecipientCount);
        response.WriteByte(clockSet ? 1 : 0);
        response.WriteInt64(clockSet ? _x.RealTimeClock.ReadUnixMilliseconds() : 0);
        response.WriteUInt16(_x.Recordings.Count);
        response.Send();
    }

    /// <summary>AuthBegin: a fresh challenge, unless the device is unprovisioned or the back-off runs.</summary>
    /// <param name="requestId">The request's id.</param>
    public void AuthBegin(int requestId)
    {
        int type = (int)DockCommand.AuthBegin;
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (!_x.Provisioning.IsProvisioned)
        {
            _x.SendError(type, requestId, DockError.NotProvisioned, 0);
            return;
        }

        long wait = _x.Failures.WaitBeforeChallenge(_x.Now);
        if (wait > 0)
        {
            _x.SendError(type, requestId, DockError.RateLimited, (uint)wait);
            return;
        }

        // A new challenge ends any session: a host re-authenticates from scratch.
        DockSession session = _x.Session;
        session.End();
        _x.Random.Fill(session.Challenge, 0, DockProtocol.ChallengeSize);
        session.IssueChallenge(_x.Now);
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteBytes(session.Challenge, 0, DockProtocol.ChallengeSize);
        response.WriteUInt32((uint)_x.Options.SessionLifetimeMilliseconds);
        response.WriteUInt32((uint)_x.Options.ChallengeLifetimeMilliseconds);
        response.Send();
    }

    /// <summary>AuthProve: checks the answer to the challenge (and a dock key's certificate) and opens a session.</summary>
    /// <param name="requestId">The request's id.</param>
    public void AuthProve(int requestId)
    {
        int type = (int)DockCommand.AuthProve;
        DockRequestReader request = _x.Request;
        int mode = request.ReadByte();
        int signature = request.Skip(DockProtocol.SignatureSize);
        int dockKey = 0;
        long notAfter = 0;
        int certificateSignature = 0;
        if (mode == DockProtocol.ModeDockCertificate)
        {
            dockKey = request.Skip(DockProtocol.KeySize);
            notAfter = request.ReadInt64();
            certificateSignature = request.Skip(DockProtocol.SignatureSize);
        }
        else if (mode != DockProtocol.ModeAuthority)
        {
            request.MarkBad();
        }

        int hostChallenge = request.Skip(DockProtocol.ChallengeSize);

        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        DockSession session = _x.Session;
        if (!session.ChallengePending)
        {
            // No challenge outstanding: a replay of an old answer, or a host out of step.
            _x.RecordAuthFailure("dock-auth:no-challenge");
            _x.SendError(type, requestId, DockError.BadSequence, 0);
            return;
        }

        // One answer per challenge, right or wrong.
        session.ConsumeChallenge();
        if (_x.Now - session.ChallengeIssuedAt > _x.Options.ChallengeLifetimeMilliseconds)
        {
            _x.RecordAuthFailure("dock-auth:challenge-expired");
            _x.SendError(type, requestId, DockError.AuthenticationFailed, 1);
            return;
        }

        byte[] payload = request.Buffer;
        DockSignedMessage message = _x.Message;
        _x.Provisioning.ReadAuthorityKey(_key, 0);
        if (mode == DockProtocol.ModeDockCertificate)
        {
            message.Begin(DockProtocol.CertificateLabel);
            message.AddAscii(_x.Provisioning.MunicipalityId);
            message.AddBytes(payload, dockKey, DockProtocol.KeySize);
            message.AddInt64(notAfter);
            if (!_x.Crypto.Ed25519Verify(_key, message.Buffer, 0, message.Length, payload, certificateSignature))
            {
                _x.RecordAuthFailure("dock-auth:bad-certificate");
                _x.SendError(type, requestId, DockError.AuthenticationFailed, 2);
                return;
            }

            // Expiry can only be checked against a set clock; see docs/dock-protocol.md, "Dock keys".
            if (_x.RealTimeClock.IsSet && _x.RealTimeClock.ReadUnixMilliseconds() > notAfter)
            {
                _x.RecordAuthFailure("dock-auth:certificate-expired");
                _x.SendError(type, requestId, DockError.AuthenticationFailed, 3);
                return;
            }

            Array.Copy(payload, dockKey, _key, 0, DockProtocol.KeySize);
        }

        BuildAuthMessage(mode);
        if (!_x.Crypto.Ed25519Verify(_key, message.Buffer, 0, message.Length, payload, signature))
        {
            _x.RecordAuthFailure("dock-auth:bad-signature");
            _x.SendError(type, requestId, DockError.AuthenticationFailed, 0);
            return;
        }

        _x.Failures.Clear();
        session.Open((DockSessionMode)mode, _x.Now + _x.Options.SessionLifetimeMilliseconds);
        Array.Copy(_key, 0, session.Key, 0, DockProtocol.KeySize);
        Array.Clear(_key, 0, DockProtocol.KeySize);

        // The device's half of mutual authentication (docs/dock-protocol.md, "Authentication", step 4): its device key
        // signs the whole exchange, so a host that pinned the key knows it talks to that camera.
        message.Begin(DockProtocol.DeviceProofLabel);
        message.AddBytes(session.Challenge, 0, DockProtocol.ChallengeSize);
        message.AddBytes(payload, hostChallenge, DockProtocol.ChallengeSize);
        message.AddAscii(_x.Status.DeviceId);
        message.AddAscii(_x.Provisioning.MunicipalityId);
        message.AddByte(mode);
        message.AddBytes(payload, signature, DockProtocol.SignatureSize);
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteByte(mode);
        response.WriteUInt32((uint)_x.Options.SessionLifetimeMilliseconds);
        _x.SecureElement.ReadDevicePublicKey(response.Buffer, response.Reserve(DockProtocol.KeySize));
        _x.SecureElement.Sign(message.Buffer, 0, message.Length, response.Buffer, response.Reserve(DockProtocol.SignatureSize));
        response.Send();
    }

    /// <summary>EndSession: ends the session (the payload is not read) and answers empty.</summary>
    /// <param name="requestId">The request's id.</param>
    public void EndSession(int requestId)
    {
        _x.Session.End();
        _x.Response.Begin((int)DockCommand.EndSession, requestId);
        _x.Response.Send();
    }

    // The signed answer to a challenge (docs/dock-protocol.md, "Authentication").
    private void BuildAuthMessage(int mode)
    {
        DockSignedMessage message = _x.Message;
        message.Begin(DockProtocol.AuthLabel);
        message.AddBytes(_x.Session.Challenge, 0, DockProtocol.ChallengeSize);
        message.AddAscii(_x.Status.DeviceId);
        message.AddAscii(_x.Provisioning.MunicipalityId);
        message.AddUInt32((uint)_x.Options.SessionLifetimeMilliseconds);
        message.AddByte(DockProtocol.MaxProtocolVersion);
        message.AddByte(mode);
    }
}
