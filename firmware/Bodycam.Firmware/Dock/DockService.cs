using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// The device side of the dock protocol (docs/dock-protocol.md). The board loop feeds received bytes to
/// <see cref="Receive"/> and calls <see cref="Poll"/> now and then; answers go out on the byte channel before
/// <see cref="Receive"/> returns. Every request gets exactly one answer (a response or an error frame) except frames
/// the spec says to drop (bad CRC, frames with the response flag). Buffers are allocated here, once; the read path
/// reads storage straight into the transmit buffer.
/// </summary>
public sealed class DockService
{
    private const int ErrorPayloadSize = 7;
    private const int MaxConfirmFiles = 16;
    private const int MaxRecipients = 8;
    private const int ReadResponseOverhead = 16;
    private const int ListEntryMaxSize = 1 + DockProtocol.MaxStringLength + 1 + DockProtocol.MaxStringLength + 8 + 1;

    // 2020-01-01T00:00:00Z: a clock set before this is a host error, not a time.
    private const long MinimumUnixMilliseconds = 1577836800000;

    private readonly IByteChannel _channel;
    private readonly IClock _clock;
    private readonly IRealTimeClock _rtc;
    private readonly IRandom _random;
    private readonly ICryptoEngine _crypto;
    private readonly ISecureElement _secureElement;
    private readonly IBattery _battery;
    private readonly IFileStorage _storage;
    private readonly IProvisioningStore _provisioning;
    private readonly IAuditLog _audit;
    private readonly IAuditTrailReader _auditReader;
    private readonly IDockRecordings _recordings;
    private readonly IDockDeviceStatus _status;
    private readonly IDockConfigurationSink _configuration;
    private readonly DockServiceOptions _options;
    private readonly IFrameCrc _crc;
    private readonly DockFrameParser _parser;
    private readonly byte[] _tx;
    private readonly byte[] _scratch;
    private readonly byte[] _message;
    private readonly byte[] _challenge = new byte[DockProtocol.ChallengeSize];
    private readonly byte[] _key = new byte[DockProtocol.KeySize];
    private readonly byte[] _digest = new byte[DockProtocol.HashSize];
    private readonly string[] _confirmNames = new string[MaxConfirmFiles];
    private readonly int[] _confirmHashOffsets = new int[MaxConfirmFiles];

    private long _now;
    private int _p;
    private byte[] _rb;
    private int _rp;
    private int _rEnd;
    private bool _rBad;

    private bool _helloDone;
    private bool _challengePending;
    private long _challengeIssued;
    private int _sessionMode;
    private long _sessionExpires;
    private int _failures;
    private long _lastFailure;
    private bool _failureAudited;
    private long _lastFailureAudit;
    private int _suppressedFailures;

    /// <summary>Initializes a new instance of the <see cref="DockService"/> class.</summary>
    /// <param name="parts">What the service works with (every property set).</param>
    /// <param name="options">Budget and timings.</param>
    public DockService(DockServiceParts parts, DockServiceOptions options)
    {
        if (parts == null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _channel = parts.Channel ?? throw new ArgumentException("Channel missing", nameof(parts));
        _clock = parts.Clock ?? throw new ArgumentException("Clock missing", nameof(parts));
        _rtc = parts.RealTimeClock ?? throw new ArgumentException("RealTimeClock missing", nameof(parts));
        _random = parts.Random ?? throw new ArgumentException("Random missing", nameof(parts));
        _crypto = parts.Crypto ?? throw new ArgumentException("Crypto missing", nameof(parts));
        _secureElement = parts.SecureElement ?? throw new ArgumentException("SecureElement missing", nameof(parts));
        _battery = parts.Battery ?? throw new ArgumentException("Battery missing", nameof(parts));
        _storage = parts.Storage ?? throw new ArgumentException("Storage missing", nameof(parts));
        _provisioning = parts.Provisioning ?? throw new ArgumentException("Provisioning missing", nameof(parts));
        _audit = parts.Audit ?? throw new ArgumentException("Audit missing", nameof(parts));
        _auditReader = parts.AuditReader ?? throw new ArgumentException("AuditReader missing", nameof(parts));
        _recordings = parts.Recordings ?? throw new ArgumentException("Recordings missing", nameof(parts));
        _status = parts.Status ?? throw new ArgumentException("Status missing", nameof(parts));
        _configuration = parts.Configuration ?? throw new ArgumentException("Configuration missing", nameof(parts));
        _crc = parts.FrameCrc ?? new SoftwareFrameCrc();
        if (options.MaxResponsePayload < 1024 || options.MaxResponsePayload > DockProtocol.AbsoluteMaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxResponsePayload");
        }

        if (options.MaxRequestPayload < 1024 || options.HashChunkBytes < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRequestPayload or HashChunkBytes");
        }

        _options = options;
        _parser = new DockFrameParser(new FrameSink(this), options.MaxRequestPayload, options.FrameTimeoutMilliseconds);
        _tx = new byte[DockProtocol.HeaderSize + options.MaxResponsePayload + DockProtocol.TrailerSize];
        _scratch = new byte[options.HashChunkBytes];
        _message = new byte[options.MaxRequestPayload + 256];
        _rb = _tx;
    }

    /// <summary>Gets a value indicating whether a host is authenticated and its session has not expired.</summary>
    public bool IsAuthenticated => _sessionMode != 0 && _clock.ReadMilliseconds() < _sessionExpires;

    /// <summary>Gets the number of frames dropped because they carried the response flag.</summary>
    public int IgnoredFrameCount { get; private set; }

    /// <summary>Gets the frame parser (its counters tell what was dropped).</summary>
    public DockFrameParser Parser => _parser;

    /// <summary>Takes bytes received from the host.</summary>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    public void Receive(byte[] data, int offset, int count)
    {
        _parser.Feed(data, offset, count, _clock.ReadMilliseconds());
    }

    /// <summary>Lets time-based rules act: gives up stale partial frames, ends an expired session.</summary>
    public void Poll()
    {
        _now = _clock.ReadMilliseconds();
        _parser.Expire(_now);
        if (_sessionMode != 0 && _now >= _sessionExpires)
        {
            EndSession();
        }
    }

    /// <summary>The link went down (undocked, port closed): ends the session and forgets partial frames.</summary>
    public void Reset()
    {
        _parser.Clear();
        EndSession();
        _helloDone = false;
    }

    private static bool IsKnown(int type)
    {
        return type == (int)DockCommand.Hello
            || type == (int)DockCommand.Info
            || type == (int)DockCommand.AuthBegin
            || type == (int)DockCommand.AuthProve
            || type == (int)DockCommand.EndSession
            || type == (int)DockCommand.ListRecordings
            || type == (int)DockCommand.ReadRecording
            || type == (int)DockCommand.ConfirmOffload
            || type == (int)DockCommand.ReadAudit
            || type == (int)DockCommand.SetClock
            || type == (int)DockCommand.PushConfiguration
            || type == (int)DockCommand.Provision
            || type == (int)DockCommand.ResetProvisioning;
    }

    private static bool IsMunicipalityChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private void OnFrame(int type, int requestId, byte[] buffer, int offset, int length)
    {
        if ((type & DockProtocol.ResponseFlag) != 0)
        {
            // A response or error frame travelling the wrong way (an echo, a confused host): dropped, counted.
            IgnoredFrameCount++;
            return;
        }

        _now = _clock.ReadMilliseconds();
        _rb = buffer;
        _rp = offset;
        _rEnd = offset + length;
        _rBad = false;
        try
        {
            Dispatch(type, requestId);
        }
        catch (StorageException e)
        {
            SendError(type, requestId, DockError.StorageError, (uint)e.Error);
        }
    }

    private void OnRejectedHeader(int type, int requestId, DockError error)
    {
        if ((type & DockProtocol.ResponseFlag) != 0)
        {
            IgnoredFrameCount++;
            return;
        }

        SendError(type, requestId, error, (uint)_options.MaxRequestPayload);
    }

    private void Dispatch(int type, int requestId)
    {
        if (!IsKnown(type))
        {
            SendError(type, requestId, DockError.UnknownCommand, 0);
            return;
        }

        if (type == (int)DockCommand.Hello)
        {
            HandleHello(requestId);
            return;
        }

        if (!_helloDone)
        {
            SendError(type, requestId, DockError.BadSequence, 0);
            return;
        }

        switch ((DockCommand)type)
        {
            case DockCommand.Info:
                HandleInfo(requestId);
                return;
            case DockCommand.AuthBegin:
                HandleAuthBegin(requestId);
                return;
            case DockCommand.AuthProve:
                HandleAuthProve(requestId);
                return;
            case DockCommand.EndSession:
                EndSession();
                Begin(type, requestId);
                Send();
                return;
            case DockCommand.Provision:
                HandleProvision(requestId);
                return;
        }

        if (!RequireSession(type, requestId))
        {
            return;
        }

        switch ((DockCommand)type)
        {
            case DockCommand.ListRecordings:
                HandleList(requestId);
                return;
            case DockCommand.ReadRecording:
                HandleReadRecording(requestId);
                return;
            case DockCommand.ConfirmOffload:
                HandleConfirm(requestId);
                return;
            case DockCommand.ReadAudit:
                HandleReadAudit(requestId);
                return;
            case DockCommand.SetClock:
                HandleSetClock(requestId);
                return;
            case DockCommand.PushConfiguration:
                HandlePushConfiguration(requestId);
                return;
            default:
                HandleResetProvisioning(requestId);
                return;
        }
    }

    private void HandleHello(int requestId)
    {
        int min = GetByte();
        int max = GetByte();
        if (!EndOfRequest((int)DockCommand.Hello, requestId))
        {
            return;
        }

        if (min > max || max < DockProtocol.MinProtocolVersion || min > DockProtocol.MaxProtocolVersion)
        {
            SendError((int)DockCommand.Hello, requestId, DockError.UnsupportedVersion, DockProtocol.MaxProtocolVersion);
            return;
        }

        int version = max < DockProtocol.MaxProtocolVersion ? max : DockProtocol.MaxProtocolVersion;
        EndSession();
        _recordings.Refresh();
        _helloDone = true;
        Begin((int)DockCommand.Hello, requestId);
        PutByte(version);
        PutUInt32((uint)_options.MaxRequestPayload);
        PutUInt32((uint)_options.MaxResponsePayload);
        PutAscii(_status.DeviceId);
        PutAscii(_status.FirmwareVersion);
        Send();
    }

    private void HandleInfo(int requestId)
    {
        if (!EndOfRequest((int)DockCommand.Info, requestId))
        {
            return;
        }

        long capacity = _storage.ReadCapacityBytes();
        long free = _storage.ReadFreeBytes();
        bool clockSet = _rtc.IsSet;
        Begin((int)DockCommand.Info, requestId);
        PutAscii(_status.DeviceId);
        PutAscii(_status.FirmwareVersion);
        _secureElement.ReadDevicePublicKey(_tx, _p);
        _p += DockProtocol.KeySize;
        PutByte(_status.StateCode);
        PutAscii(_status.StateName);
        PutInt64(capacity - free);
        PutInt64(capacity);
        PutByte(_battery.ReadPercent());
        PutByte((int)_provisioning.State);
        PutAscii(_provisioning.MunicipalityId);
        PutByte(_provisioning.RecipientCount);
        PutByte(clockSet ? 1 : 0);
        PutInt64(clockSet ? _rtc.ReadUnixMilliseconds() : 0);
        PutInt64(_now);
        PutUInt16(_recordings.Count);
        bool live = _sessionMode != 0 && _now < _sessionExpires;
        PutByte(live ? _sessionMode : 0);
        PutUInt32(live ? (uint)(_sessionExpires - _now) : 0);
        Send();
    }

    private void HandleAuthBegin(int requestId)
    {
        int type = (int)DockCommand.AuthBegin;
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (!_provisioning.IsProvisioned)
        {
            SendError(type, requestId, DockError.NotProvisioned, 0);
            return;
        }

        if (_failures >= _options.FreeAttempts)
        {
            int doublings = _failures - _options.FreeAttempts;
            if (doublings > 6)
            {
                doublings = 6;
            }

            long wait = _options.BackoffMilliseconds << doublings;
            long until = _lastFailure + wait;
            if (_now < until)
            {
                SendError(type, requestId, DockError.RateLimited, (uint)(until - _now));
                return;
            }
        }

        // A new challenge ends any session: a host re-authenticates from scratch.
        EndSession();
        _random.Fill(_challenge, 0, DockProtocol.ChallengeSize);
        _challengePending = true;
        _challengeIssued = _now;
        Begin(type, requestId);
        PutBytes(_challenge, 0, DockProtocol.ChallengeSize);
        PutUInt32((uint)_options.SessionLifetimeMilliseconds);
        PutUInt32((uint)_options.ChallengeLifetimeMilliseconds);
        Send();
    }

    private void HandleAuthProve(int requestId)
    {
        int type = (int)DockCommand.AuthProve;
        int mode = GetByte();
        int signature = Skip(DockProtocol.SignatureSize);
        int dockKey = 0;
        long notAfter = 0;
        int certificateSignature = 0;
        if (mode == DockProtocol.ModeDockCertificate)
        {
            dockKey = Skip(DockProtocol.KeySize);
            notAfter = GetInt64();
            certificateSignature = Skip(DockProtocol.SignatureSize);
        }
        else if (mode != DockProtocol.ModeAuthority)
        {
            _rBad = true;
        }

        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (!_challengePending)
        {
            // No challenge outstanding: a replay of an old answer, or a host out of step.
            RecordAuthFailure("dock-auth:no-challenge");
            SendError(type, requestId, DockError.BadSequence, 0);
            return;
        }

        // One answer per challenge, right or wrong.
        _challengePending = false;
        if (_now - _challengeIssued > _options.ChallengeLifetimeMilliseconds)
        {
            RecordAuthFailure("dock-auth:challenge-expired");
            SendError(type, requestId, DockError.AuthenticationFailed, 1);
            return;
        }

        _provisioning.ReadAuthorityKey(_key, 0);
        if (mode == DockProtocol.ModeDockCertificate)
        {
            int n = PutLabel(_message, 0, DockProtocol.CertificateLabel);
            n = PutAsciiAt(_message, n, _provisioning.MunicipalityId);
            Array.Copy(_rb, dockKey, _message, n, DockProtocol.KeySize);
            n += DockProtocol.KeySize;
            LittleEndian.WriteInt64(_message, n, notAfter);
            n += 8;
            if (!_crypto.Ed25519Verify(_key, _message, 0, n, _rb, certificateSignature))
            {
                RecordAuthFailure("dock-auth:bad-certificate");
                SendError(type, requestId, DockError.AuthenticationFailed, 2);
                return;
            }

            // Expiry can only be checked against a set clock; see docs/dock-protocol.md, "Dock keys".
            if (_rtc.IsSet && _rtc.ReadUnixMilliseconds() > notAfter)
            {
                RecordAuthFailure("dock-auth:certificate-expired");
                SendError(type, requestId, DockError.AuthenticationFailed, 3);
                return;
            }

            Array.Copy(_rb, dockKey, _key, 0, DockProtocol.KeySize);
        }

        int length = BuildAuthMessage(mode);
        if (!_crypto.Ed25519Verify(_key, _message, 0, length, _rb, signature))
        {
            RecordAuthFailure("dock-auth:bad-signature");
            SendError(type, requestId, DockError.AuthenticationFailed, 0);
            return;
        }

        _failures = 0;
        _sessionMode = mode;
        _sessionExpires = _now + _options.SessionLifetimeMilliseconds;
        Begin(type, requestId);
        PutByte(mode);
        PutUInt32((uint)_options.SessionLifetimeMilliseconds);
        Send();
    }

    private void HandleList(int requestId)
    {
        int type = (int)DockCommand.ListRecordings;
        int start = GetUInt16();
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (start == 0)
        {
            _recordings.Refresh();
        }

        int total = _recordings.Count;
        Begin(type, requestId);
        PutUInt16(total);
        int countAt = _p;
        PutByte(0);
        int limit = DockProtocol.HeaderSize + _options.MaxResponsePayload - ListEntryMaxSize;
        int listed = 0;
        for (int i = start; i < total && _p <= limit && listed < 255; i++)
        {
            string name = _recordings.GetName(i);
            PutAscii(name);
            PutAscii(_recordings.GetRecordingId(name));
            PutInt64(_recordings.GetLength(name));
            PutByte(_recordings.IsOpen(name) ? 1 : 0);
            listed++;
        }

        _tx[countAt] = (byte)listed;
        Send();
    }

    private void HandleReadRecording(int requestId)
    {
        int type = (int)DockCommand.ReadRecording;
        string? name = GetRecordingName();
        long position = GetInt64();
        uint wanted = GetUInt32();
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (name == null)
        {
            SendError(type, requestId, DockError.NotFound, 0);
            return;
        }

        SendRange(type, requestId, name, position, wanted, _recordings.GetLength(name));
    }

    private void HandleReadAudit(int requestId)
    {
        int type = (int)DockCommand.ReadAudit;
        long position = GetInt64();
        uint wanted = GetUInt32();
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        SendRange(type, requestId, null, position, wanted, _auditReader.Length);
    }

    // One range answer (docs/dock-protocol.md, ReadRecording and ReadAudit): position, total length, then the bytes
    // read straight into the transmit buffer. The source is the named recording file, or the audit trail when
    // recordingName is null.
    private void SendRange(int type, int requestId, string? recordingName, long position, uint wanted, long length)
    {
        if (position < 0 || position > length)
        {
            SendError(type, requestId, DockError.BadRequest, 0);
            return;
        }

        int count = Clamp(wanted, length - position);
        Begin(type, requestId);
        PutInt64(position);
        PutInt64(length);
        int done = 0;
        while (done < count)
        {
            int read = recordingName == null
                ? _auditReader.Read(position + done, _tx, _p + done, count - done)
                : _recordings.Read(recordingName, position + done, _tx, _p + done, count - done);
            if (read <= 0)
            {
                break;
            }

            done += read;
        }

        _p += done;
        Send();
    }

    private void HandleConfirm(int requestId)
    {
        int type = (int)DockCommand.ConfirmOffload;
        int files = GetByte();
        if (files < 1 || files > MaxConfirmFiles)
        {
            _rBad = true;
        }

        bool missing = false;
        for (int i = 0; i < files && !_rBad; i++)
        {
            string? name = GetRecordingName();
            _confirmHashOffsets[i] = Skip(DockProtocol.HashSize);
            if (name == null)
            {
                missing = true;
            }
            else
            {
                _confirmNames[i] = name;
            }
        }

        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (missing)
        {
            SendError(type, requestId, DockError.NotFound, 0);
            return;
        }

        for (int i = 0; i < files; i++)
        {
            if (_recordings.IsOpen(_confirmNames[i]))
            {
                SendError(type, requestId, DockError.Busy, (uint)i);
                return;
            }

            for (int j = 0; j < i; j++)
            {
                if ((object)_confirmNames[j] == (object)_confirmNames[i])
                {
                    SendError(type, requestId, DockError.BadRequest, (uint)i);
                    return;
                }
            }
        }

        // A recording is confirmed whole: every file of each recording named must be in the request.
        int total = _recordings.Count;
        for (int k = 0; k < total; k++)
        {
            string other = _recordings.GetName(k);
            string recording = _recordings.GetRecordingId(other);
            bool touched = false;
            bool listed = false;
            for (int i = 0; i < files; i++)
            {
                touched |= _recordings.GetRecordingId(_confirmNames[i]) == recording;
                listed |= (object)_confirmNames[i] == (object)other;
            }

            if (touched && !listed)
            {
                SendError(type, requestId, DockError.BadRequest, 2);
                return;
            }
        }

        // Every file must match before anything is deleted (docs/dock-protocol.md, "ConfirmOffload").
        for (int i = 0; i < files; i++)
        {
            HashFile(_confirmNames[i]);
            if (!FixedTimeEquals(_digest, 0, _rb, _confirmHashOffsets[i], DockProtocol.HashSize))
            {
                SendError(type, requestId, DockError.HashMismatch, (uint)i);
                return;
            }
        }

        for (int i = 0; i < files; i++)
        {
            _audit.Append(AuditEventType.Offloaded, _now, _confirmNames[i]);
        }

        for (int i = 0; i < files; i++)
        {
            _recordings.DeleteOffloaded(_confirmNames[i]);
            _audit.Append(AuditEventType.Deleted, _now, _confirmNames[i]);
        }

        Begin(type, requestId);
        PutByte(files);
        Send();
    }

    private void HandleSetClock(int requestId)
    {
        int type = (int)DockCommand.SetClock;
        long unix = GetInt64();
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (unix < MinimumUnixMilliseconds)
        {
            SendError(type, requestId, DockError.BadRequest, 0);
            return;
        }

        bool wasSet = _rtc.IsSet;
        long previous = wasSet ? _rtc.ReadUnixMilliseconds() : 0;
        _rtc.Set(unix);
        _audit.Append(
            AuditEventType.ClockSet,
            _now,
            wasSet ? "adjust-ms=" + (unix - previous).ToString() : "previous=unset");
        Begin(type, requestId);
        PutByte(wasSet ? 1 : 0);
        PutInt64(previous);
        Send();
    }

    private void HandlePushConfiguration(int requestId)
    {
        int type = (int)DockCommand.PushConfiguration;
        long sequence = GetInt64();
        int length = GetUInt16();
        int document = Skip(length);
        int signature = Skip(DockProtocol.SignatureSize);
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (sequence <= _configuration.AppliedSequence)
        {
            SendError(type, requestId, DockError.StaleConfiguration, 0);
            return;
        }

        int n = PutLabel(_message, 0, DockProtocol.ConfigurationLabel);
        n = PutAsciiAt(_message, n, _provisioning.MunicipalityId);
        LittleEndian.WriteInt64(_message, n, sequence);
        n += 8;
        LittleEndian.WriteUInt16(_message, n, length);
        n += 2;
        Array.Copy(_rb, document, _message, n, length);
        n += length;
        _provisioning.ReadAuthorityKey(_key, 0);
        if (!_crypto.Ed25519Verify(_key, _message, 0, n, _rb, signature))
        {
            RecordAuthFailure("dock-auth:config-bad-signature");
            SendError(type, requestId, DockError.BadSignature, 0);
            return;
        }

        if (!_configuration.TryApply(sequence, _rb, document, length))
        {
            SendError(type, requestId, DockError.BadRequest, 1);
            return;
        }

        _audit.Append(AuditEventType.ConfigurationChanged, _now, "sequence=" + sequence.ToString());
        Begin(type, requestId);
        PutInt64(sequence);
        Send();
    }

    private void HandleProvision(int requestId)
    {
        int type = (int)DockCommand.Provision;
        int signedStart = _rp;
        string municipality = GetMunicipalityId();
        int authority = Skip(DockProtocol.KeySize);
        int recipients = GetByte();
        if (recipients < 1 || recipients > MaxRecipients)
        {
            _rBad = true;
        }

        int keys = Skip(recipients * DockProtocol.KeySize);
        int signedEnd = _rp;
        int signature = Skip(DockProtocol.SignatureSize);
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        ProvisioningState state = _provisioning.State;
        if (state == ProvisioningState.Provisioned || state == ProvisioningState.Tampered)
        {
            RecordAuthFailure("dock-auth:already-provisioned");
            SendError(type, requestId, DockError.AlreadyProvisioned, state == ProvisioningState.Tampered ? 1u : 0u);
            return;
        }

        // Proof of possession: the request is signed by the authority key it installs, bound to this device.
        int n = PutLabel(_message, 0, DockProtocol.ProvisionLabel);
        n = PutAsciiAt(_message, n, _status.DeviceId);
        Array.Copy(_rb, signedStart, _message, n, signedEnd - signedStart);
        n += signedEnd - signedStart;
        byte[] authorityKey = new byte[DockProtocol.KeySize];
        Array.Copy(_rb, authority, authorityKey, 0, DockProtocol.KeySize);
        if (!_crypto.Ed25519Verify(authorityKey, _message, 0, n, _rb, signature))
        {
            RecordAuthFailure("dock-auth:provision-bad-signature");
            SendError(type, requestId, DockError.BadSignature, 0);
            return;
        }

        byte[][] recipientKeys = new byte[recipients][];
        for (int i = 0; i < recipients; i++)
        {
            recipientKeys[i] = new byte[DockProtocol.KeySize];
            Array.Copy(_rb, keys + (i * DockProtocol.KeySize), recipientKeys[i], 0, DockProtocol.KeySize);
        }

        _provisioning.Provision(municipality, authorityKey, recipientKeys);
        _audit.Append(AuditEventType.Provisioned, _now, municipality);
        EndSession();
        Begin(type, requestId);
        _secureElement.ReadDevicePublicKey(_tx, _p);
        _p += DockProtocol.KeySize;
        PutAscii(_status.DeviceId);
        Send();
    }

    private void HandleResetProvisioning(int requestId)
    {
        int type = (int)DockCommand.ResetProvisioning;
        if (!EndOfRequest(type, requestId))
        {
            return;
        }

        if (_sessionMode != DockProtocol.ModeAuthority)
        {
            RecordAuthFailure("dock-auth:forbidden");
            SendError(type, requestId, DockError.Forbidden, 0);
            return;
        }

        if (_recordings.Count > 0)
        {
            SendError(type, requestId, DockError.NotEmpty, (uint)_recordings.Count);
            return;
        }

        _provisioning.Reset();
        _audit.Append(AuditEventType.ProvisioningReset, _now, string.Empty);
        EndSession();
        Begin(type, requestId);
        Send();
    }

    private bool RequireSession(int type, int requestId)
    {
        if (_sessionMode == 0)
        {
            RecordAuthFailure("dock-auth:no-session");
            SendError(type, requestId, DockError.NotAuthenticated, 0);
            return false;
        }

        if (_now >= _sessionExpires)
        {
            EndSession();
            RecordAuthFailure("dock-auth:session-expired");
            SendError(type, requestId, DockError.NotAuthenticated, 1);
            return false;
        }

        return true;
    }

    // Failed and refused attempts are audited, at most one entry per quiet period (the rest are counted into the
    // next entry) so a flood on the port cannot fill the storage; docs/dock-protocol.md, "Rate limiting".
    private void RecordAuthFailure(string reason)
    {
        _failures++;
        _lastFailure = _now;
        if (_failureAudited && _now - _lastFailureAudit < _options.AuditQuietMilliseconds)
        {
            _suppressedFailures++;
            return;
        }

        string subject = _suppressedFailures == 0 ? reason : reason + ";suppressed=" + _suppressedFailures.ToString();
        _suppressedFailures = 0;
        _failureAudited = true;
        _lastFailureAudit = _now;
        _audit.Append(AuditEventType.AuthenticationFailed, _now, subject);
    }

    private void EndSession()
    {
        _sessionMode = 0;
        _sessionExpires = 0;
        _challengePending = false;
    }

    private int BuildAuthMessage(int mode)
    {
        int n = PutLabel(_message, 0, DockProtocol.AuthLabel);
        Array.Copy(_challenge, 0, _message, n, DockProtocol.ChallengeSize);
        n += DockProtocol.ChallengeSize;
        n = PutAsciiAt(_message, n, _status.DeviceId);
        n = PutAsciiAt(_message, n, _provisioning.MunicipalityId);
        LittleEndian.WriteUInt32(_message, n, (uint)_options.SessionLifetimeMilliseconds);
        n += 4;
        _message[n++] = DockProtocol.MaxProtocolVersion;
        _message[n++] = (byte)mode;
        return n;
    }

    private void HashFile(string name)
    {
        long length = _recordings.GetLength(name);
        long position = 0;
        _crypto.Sha256Begin();
        while (position < length)
        {
            long left = length - position;
            int want = left < _scratch.Length ? (int)left : _scratch.Length;
            int read = _recordings.Read(name, position, _scratch, 0, want);
            if (read <= 0)
            {
                break;
            }

            _crypto.Sha256Update(_scratch, 0, read);
            position += read;
        }

        _crypto.Sha256End(_digest, 0);
    }

    private bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
    {
        // OR-accumulating comparison: the time does not depend on where the first difference is.
        int diff = 0;
        for (int i = 0; i < count; i++)
        {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }

        return diff == 0;
    }

    private int Clamp(uint wanted, long available)
    {
        long count = _options.MaxResponsePayload - ReadResponseOverhead;
        if (wanted < count)
        {
            count = wanted;
        }

        if (available < count)
        {
            count = available;
        }

        return (int)count;
    }

    // Resolves a file name in the request to the recordings' own string, without allocating one.
    private string? GetRecordingName()
    {
        int length = GetByte();
        int at = Skip(length);
        if (_rBad || length == 0)
        {
            _rBad = true;
            return null;
        }

        int total = _recordings.Count;
        for (int i = 0; i < total; i++)
        {
            string candidate = _recordings.GetName(i);
            if (candidate.Length != length)
            {
                continue;
            }

            bool same = true;
            for (int k = 0; k < length && same; k++)
            {
                same = candidate[k] == (char)_rb[at + k];
            }

            if (same)
            {
                return candidate;
            }
        }

        return null;
    }

    private string GetMunicipalityId()
    {
        int length = GetByte();
        int at = Skip(length);
        if (_rBad || length < 1 || length > 32)
        {
            _rBad = true;
            return string.Empty;
        }

        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)_rb[at + i];
            if (!IsMunicipalityChar(chars[i]))
            {
                _rBad = true;
                return string.Empty;
            }
        }

        return new string(chars);
    }

    private bool EndOfRequest(int type, int requestId)
    {
        if (_rBad || _rp != _rEnd)
        {
            SendError(type, requestId, DockError.BadRequest, 0);
            return false;
        }

        return true;
    }

    private int GetByte()
    {
        if (_rEnd - _rp < 1)
        {
            _rBad = true;
            return 0;
        }

        return _rb[_rp++];
    }

    private int GetUInt16()
    {
        int at = Skip(2);
        return _rBad ? 0 : LittleEndian.ReadUInt16(_rb, at);
    }

    private uint GetUInt32()
    {
        int at = Skip(4);
        return _rBad ? 0 : LittleEndian.ReadUInt32(_rb, at);
    }

    private long GetInt64()
    {
        int at = Skip(8);
        return _rBad ? 0 : LittleEndian.ReadInt64(_rb, at);
    }

    // Returns where the skipped bytes start; on a short payload marks the request bad.
    private int Skip(int count)
    {
        if (count < 0 || _rEnd - _rp < count)
        {
            _rBad = true;
            int at = _rp;
            _rp = _rEnd;
            return at;
        }

        int start = _rp;
        _rp += count;
        return start;
    }

    private void Begin(int type, int requestId)
    {
        _tx[0] = DockProtocol.Magic0;
        _tx[1] = DockProtocol.Magic1;
        _tx[2] = DockProtocol.Magic2;
        _tx[3] = DockProtocol.Magic3;
        _tx[4] = DockProtocol.FrameVersion;
        _tx[5] = (byte)(type | DockProtocol.ResponseFlag);
        LittleEndian.WriteUInt16(_tx, 6, requestId);
        _p = DockProtocol.HeaderSize;
    }

    private void Send()
    {
        LittleEndian.WriteUInt32(_tx, 8, (uint)(_p - DockProtocol.HeaderSize));
        uint crc = _crc.Update(0, _tx, 4, _p - 4);
        LittleEndian.WriteUInt32(_tx, _p, crc);
        _channel.Write(_tx, 0, _p + DockProtocol.TrailerSize);
    }

    private void SendError(int requestType, int requestId, DockError error, uint detail)
    {
        Begin((int)DockCommand.Error, requestId);
        _tx[5] = (byte)DockCommand.Error;
        PutUInt16((int)error);
        PutByte(requestType);
        PutUInt32(detail);
        Send();
    }

    private void PutByte(int value)
    {
        _tx[_p++] = (byte)value;
    }

    private void PutUInt16(int value)
    {
        LittleEndian.WriteUInt16(_tx, _p, value);
        _p += 2;
    }

    private void PutUInt32(uint value)
    {
        LittleEndian.WriteUInt32(_tx, _p, value);
        _p += 4;
    }

    private void PutInt64(long value)
    {
        LittleEndian.WriteInt64(_tx, _p, value);
        _p += 8;
    }

    private void PutBytes(byte[] source, int offset, int count)
    {
        Array.Copy(source, offset, _tx, _p, count);
        _p += count;
    }

    private void PutAscii(string value)
    {
        _p = PutAsciiAt(_tx, _p, value);
    }

    // A length byte and the characters; anything outside printable ASCII becomes '?', at most 64 characters.
    private int PutAsciiAt(byte[] target, int at, string value)
    {
        int length = value.Length < DockProtocol.MaxStringLength ? value.Length : DockProtocol.MaxStringLength;
        target[at++] = (byte)length;
        for (int i = 0; i < length; i++)
        {
            char c = value[i];
            target[at++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
        }

        return at;
    }

    private int PutLabel(byte[] target, int at, string label)
    {
        for (int i = 0; i < label.Length; i++)
        {
            target[at++] = (byte)label[i];
        }

        return at;
    }

    private sealed class FrameSink : IDockFrameHandler
    {
        private readonly DockService _service;

        public FrameSink(DockService service)
        {
            _service = service;
        }

        public void OnFrame(int type, int requestId, byte[] buffer, int payloadOffset, int payloadLength)
        {
            _service.OnFrame(type, requestId, buffer, payloadOffset, payloadLength);
        }

        public void OnRejectedHeader(int type, int requestId, DockError error)
        {
            _service.OnRejectedHeader(type, requestId, error);
        }
    }
}
