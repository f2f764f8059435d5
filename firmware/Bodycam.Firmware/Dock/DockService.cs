using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// The device side of the dock protocol (docs/dock-protocol.md). The board loop feeds received bytes to
/// <see cref="Receive"/> and calls <see cref="Poll"/> now and then; answers go out on the byte channel before
/// <see cref="Receive"/> returns. Every request gets exactly one answer (a response or an error frame) except frames
/// the spec says to drop (bad CRC, frames with the response flag). This class frames and dispatches; the commands are
/// answered by one handler per group (session, offload, audit, clock, provisioning) over a shared
/// <see cref="DockExchange"/>, whose buffers are allocated once; the read path reads storage straight into the
/// transmit buffer.
/// </summary>
public sealed class DockService
{
    private readonly IClock _clock;
    private readonly DockFrameParser _parser;
    private readonly DockExchange _x;
    private readonly DockSessionHandler _session;
    private readonly DockOffloadHandler _offload;
    private readonly DockAuditHandler _audit;
    private readonly DockClockHandler _clockHandler;
    private readonly DockProvisioningHandler _provisioning;

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

        _x = new DockExchange(parts, options);
        _clock = _x.Clock;
        _parser = new DockFrameParser(new FrameSink(this), options.MaxRequestPayload, options.FrameTimeoutMilliseconds);
        _session = new DockSessionHandler(_x);
        _offload = new DockOffloadHandler(_x);
        _audit = new DockAuditHandler(_x);
        _clockHandler = new DockClockHandler(_x);
        _provisioning = new DockProvisioningHandler(_x);
    }

    /// <summary>Gets a value indicating whether a host is authenticated and its session has not expired.</summary>
    public bool IsAuthenticated => _x.Session.IsLive(_clock.ReadMilliseconds());

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
        long now = _clock.ReadMilliseconds();
        _x.Now = now;
        _parser.Expire(now);
        if (_x.Session.IsOpen && now >= _x.Session.ExpiresAt)
        {
            _x.Session.End();
        }
    }

    /// <summary>The link went down (undocked, port closed): ends the session and forgets partial frames.</summary>
    public void Reset()
    {
        _parser.Clear();
        _x.Session.End();
        _x.Session.HelloDone = false;
    }

    private static bool IsKnown(int type)
    {
        switch ((DockCommand)type)
        {
            case DockCommand.Hello:
            case DockCommand.Info:
            case DockCommand.Status:
            case DockCommand.AuthBegin:
            case DockCommand.AuthProve:
            case DockCommand.EndSession:
            case DockCommand.ListRecordings:
            case DockCommand.ReadRecording:
            case DockCommand.ConfirmOffload:
            case DockCommand.ConfirmRecording:
            case DockCommand.ConfirmRecordingChain:
            case DockCommand.ReadAudit:
            case DockCommand.SetClock:
            case DockCommand.PushConfiguration:
            case DockCommand.ReadConfiguration:
            case DockCommand.Provision:
            case DockCommand.ResetProvisioning:
                return true;
            default:
                return false;
        }
    }

    private void OnFrame(int type, int requestId, byte[] buffer, int offset, int length)
    {
        if ((type & DockProtocol.ResponseFlag) != 0)
        {
            // A response or error frame travelling the wrong way (an echo, a confused host): dropped, counted.
            IgnoredFrameCount++;
            return;
        }

        _x.Now = _clock.ReadMilliseconds();
        _x.Request.Reset(buffer, offset, length);
        try
        {
            Dispatch(type, requestId);
        }
        catch (StorageException e)
        {
            _x.SendError(type, requestId, DockError.StorageError, (uint)e.Error);
        }
    }

    private void OnRejectedHeader(int type, int requestId, DockError error)
    {
        if ((type & DockProtocol.ResponseFlag) != 0)
        {
            IgnoredFrameCount++;
            return;
        }

        // FrameTooLarge tells the largest payload taken; UnsupportedVersion the frame format version spoken.
        uint detail = error == DockError.FrameTooLarge ? (uint)_x.Options.MaxRequestPayload : DockProtocol.FrameVersion;
        _x.SendError(type, requestId, error, detail);
    }

    private void Dispatch(int type, int requestId)
    {
        if (!IsKnown(type))
        {
            _x.SendError(type, requestId, DockError.UnknownCommand, 0);
            return;
        }

        if (type == (int)DockCommand.Hello)
        {
            _session.Hello(requestId);
            return;
        }

        if (!_x.Session.HelloDone)
        {
            _x.SendError(type, requestId, DockError.BadSequence, 0);
            return;
        }

        // Commands without a session.
        switch ((DockCommand)type)
        {
            case DockCommand.Info:
                _session.Info(requestId);
                return;
            case DockCommand.AuthBegin:
                _session.AuthBegin(requestId);
                return;
            case DockCommand.AuthProve:
                _session.AuthProve(requestId);
                return;
            case DockCommand.EndSession:
                _session.EndSession(requestId);
                return;
            case DockCommand.Provision:
                _provisioning.Provision(requestId);
                return;
        }

        if (!_x.RequireSession(type, requestId))
        {
            return;
        }

        switch ((DockCommand)type)
        {
            case DockCommand.ListRecordings:
                _offload.List(requestId);
                return;
            case DockCommand.ReadRecording:
                _offload.Read(requestId);
                return;
            case DockCommand.ConfirmOffload:
                _offload.Confirm(requestId);
                return;
            case DockCommand.ConfirmRecording:
                _offload.ConfirmRecording(requestId);
                return;
            case DockCommand.ConfirmRecordingChain:
                _offload.ConfirmRecordingChain(requestId);
                return;
            case DockCommand.Status:
                _session.Status(requestId);
                return;
            case DockCommand.ReadConfiguration:
                _provisioning.ReadConfiguration(requestId);
                return;
            case DockCommand.ReadAudit:
                _audit.Read(requestId);
                return;
            case DockCommand.SetClock:
                _clockHandler.SetClock(requestId);
                return;
            case DockCommand.PushConfiguration:
                _provisioning.PushConfiguration(requestId);
                return;
            default:
                _provisioning.ResetProvisioning(requestId);
                return;
        }
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
