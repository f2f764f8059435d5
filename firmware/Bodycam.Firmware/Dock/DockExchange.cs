using System;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// What every command handler of the dock service shares: the device's parts, the options, the request being read,
/// the response being written, the connection's session and failure count, and the time of the current frame.
/// Everything is allocated here, once.
/// </summary>
internal sealed class DockExchange
{
    // The range answer's fixed part: offset (8) and total length (8).
    private const int RangeResponseOverhead = 16;

    /// <summary>Initializes a new instance of the <see cref="DockExchange"/> class.</summary>
    /// <param name="parts">What the service works with (every property but the CRC set).</param>
    /// <param name="options">Budget and timings (already checked).</param>
    public DockExchange(DockServiceParts parts, DockServiceOptions options)
    {
        Channel = parts.Channel ?? throw new ArgumentException("Channel missing", nameof(parts));
        Clock = parts.Clock ?? throw new ArgumentException("Clock missing", nameof(parts));
        RealTimeClock = parts.RealTimeClock ?? throw new ArgumentException("RealTimeClock missing", nameof(parts));
        Random = parts.Random ?? throw new ArgumentException("Random missing", nameof(parts));
        Crypto = parts.Crypto ?? throw new ArgumentException("Crypto missing", nameof(parts));
        SecureElement = parts.SecureElement ?? throw new ArgumentException("SecureElement missing", nameof(parts));
        Battery = parts.Battery ?? throw new ArgumentException("Battery missing", nameof(parts));
        Storage = parts.Storage ?? throw new ArgumentException("Storage missing", nameof(parts));
        Provisioning = parts.Provisioning ?? throw new ArgumentException("Provisioning missing", nameof(parts));
        Audit = parts.Audit ?? throw new ArgumentException("Audit missing", nameof(parts));
        AuditReader = parts.AuditReader ?? throw new ArgumentException("AuditReader missing", nameof(parts));
        Recordings = parts.Recordings ?? throw new ArgumentException("Recordings missing", nameof(parts));
        Status = parts.Status ?? throw new ArgumentException("Status missing", nameof(parts));
        Configuration = parts.Configuration ?? throw new ArgumentException("Configuration missing", nameof(parts));
        IFrameCrc crc = parts.FrameCrc ?? new SoftwareFrameCrc();
        if (options.MaxResponsePayload < 1024 || options.MaxResponsePayload > DockProtocol.AbsoluteMaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxResponsePayload");
        }

        if (options.MaxRequestPayload < 1024 || options.HashChunkBytes < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRequestPayload or HashChunkBytes");
        }

        Options = options;
        Response = new DockResponseWriter(options.MaxResponsePayload, Channel, crc);
        Message = new DockSignedMessage(options.MaxRequestPayload + 256);
        Failures = new DockAuthFailures(Audit, options);
        KeyFingerprint = new DockKeyFingerprint(this);
    }

    /// <summary>Gets the channel answers go out on.</summary>
    public IByteChannel Channel { get; }

    /// <summary>Gets the monotonic clock.</summary>
    public IClock Clock { get; }

    /// <summary>Gets the real-time clock.</summary>
    public IRealTimeClock RealTimeClock { get; }

    /// <summary>Gets the random source (challenges).</summary>
    public IRandom Random { get; }

    /// <summary>Gets the crypto engine (signatures, hashes).</summary>
    public ICryptoEngine Crypto { get; }

    /// <summary>Gets the secure element (the device public key).</summary>
    public ISecureElement SecureElement { get; }

    /// <summary>Gets the battery gauge.</summary>
    public IBattery Battery { get; }

    /// <summary>Gets the storage volume (capacity and free space).</summary>
    public IFileStorage Storage { get; }

    /// <summary>Gets the provisioning store.</summary>
    public IProvisioningStore Provisioning { get; }

    /// <summary>Gets the audit log.</summary>
    public IAuditLog Audit { get; }

    /// <summary>Gets the audit trail's bytes.</summary>
    public IAuditTrailReader AuditReader { get; }

    /// <summary>Gets the recording files.</summary>
    public IDockRecordings Recordings { get; }

    /// <summary>Gets the device's identity and state.</summary>
    public IDockDeviceStatus Status { get; }

    /// <summary>Gets where pushed configurations go.</summary>
    public IDockConfigurationSink Configuration { get; }

    /// <summary>Gets the budget and timings.</summary>
    public DockServiceOptions Options { get; }

    /// <summary>Gets the reader over the current request's payload.</summary>
    public DockRequestReader Request { get; } = new DockRequestReader();

    /// <summary>Gets the writer of the answer.</summary>
    public DockResponseWriter Response { get; }

    /// <summary>Gets the buffer signed messages are built in.</summary>
    public DockSignedMessage Message { get; }

    /// <summary>Gets the connection's session.</summary>
    public DockSession Session { get; } = new DockSession();

    /// <summary>Gets the failed attempts and their back-off.</summary>
    public DockAuthFailures Failures { get; }

    /// <summary>Gets what names the session's key in audit subjects (ClockSet, Offloaded).</summary>
    public DockKeyFingerprint KeyFingerprint { get; }

    /// <summary>Gets or sets the monotonic time of the frame being answered.</summary>
    public long Now { get; set; }

    /// <summary>Answers <see cref="DockError.BadRequest"/> unless the whole payload was read and well formed.</summary>
    /// <param name="type">The request's type.</param>
    /// <param name="requestId">The request's id.</param>
    /// <returns>True when the handler may go on.</returns>
    public bool EndOfRequest(int type, int requestId)
    {
        if (!Request.IsComplete)
        {
            Response.SendError(type, requestId, DockError.BadRequest, 0);
            return false;
        }

        return true;
    }

    /// <summary>Sends an error frame.</summary>
    /// <param name="type">The request's type.</param>
    /// <param name="requestId">The request's id.</param>
    /// <param name="error">The error.</param>
    /// <param name="detail">Its detail.</param>
    public void SendError(int type, int requestId, DockError error, uint detail)
    {
        Response.SendError(type, requestId, error, detail);
    }

    /// <summary>Counts and audits a failed or refused attempt at the current frame's time.</summary>
    /// <param name="reason">The audit subject.</param>
    public void RecordAuthFailure(string reason)
    {
        Failures.Record(reason, Now);
    }

    /// <summary>
    /// Answers <see cref="DockError.NotAuthenticated"/> (detail 0: no session, 1: expired) unless a session is live.
    /// </summary>
    /// <param name="type">The request's type.</param>
    /// <param name="requestId">The request's id.</param>
    /// <returns>True when the session may be used.</returns>
    public bool RequireSession(int type, int requestId)
    {
        if (!Session.IsOpen)
        {
            RecordAuthFailure("dock-auth:no-session");
            SendError(type, requestId, DockError.NotAuthenticated, 0);
            return false;
        }

        if (Now >= Session.ExpiresAt)
        {
            Session.End();
            RecordAuthFailure("dock-auth:session-expired");
            SendError(type, requestId, DockError.NotAuthenticated, 1);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Sends one range answer (docs/dock-protocol.md, ReadRecording and ReadAudit): offset, total length, then the
    /// bytes read straight into the frame buffer. The source is the named recording file, or the audit trail when
    /// <paramref name="recordingName"/> is null.
    /// </summary>
    /// <param name="type">The request's type.</param>
    /// <param name="requestId">The request's id.</param>
    /// <param name="recordingName">The file, or null for the audit trail.</param>
    /// <param name="position">The first byte wanted.</param>
    /// <param name="wanted">How many bytes the host asked for.</param>
    /// <param name="length">The source's length.</param>
    public void SendRange(int type, int requestId, string? recordingName, long position, uint wanted, long length)
    {
        if (position < 0 || position > length)
        {
            SendError(type, requestId, DockError.BadRequest, 0);
            return;
        }

        int count = Clamp(wanted, length - position);
        DockResponseWriter response = Response;
        response.Begin(type, requestId);
        response.WriteInt64(position);
        response.WriteInt64(length);
        int at = response.Position;
        int done = 0;
        while (done < count)
        {
            int read = recordingName == null
                ? AuditReader.Read(position + done, response.Buffer, at + done, count - done)
                : Recordings.Read(recordingName, position + done, response.Buffer, at + done, count - done);
            if (read <= 0)
            {
                break;
            }

            done += read;
        }

        response.Reserve(done);
        response.Send();
    }

    private int Clamp(uint wanted, long available)
    {
        long count = Options.MaxResponsePayload - RangeResponseOverhead;
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
}
