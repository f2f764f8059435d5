using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// SetClock (docs/dock-protocol.md, "SetClock"): sets the real-time clock within the rules of clock authority and
/// audits the change with the fingerprint of the key that made it.
/// </summary>
internal sealed class DockClockHandler
{
    // 2100-01-01T00:00:00Z: the first time SetClock refuses (no device in service then; keeps every reader's
    // arithmetic far from the int64 and calendar limits).
    private const long LatestUnixMilliseconds = 4102444800000;

    private readonly DockExchange _x;

    /// <summary>Initializes a new instance of the <see cref="DockClockHandler"/> class.</summary>
    /// <param name="exchange">What the handlers share.</param>
    public DockClockHandler(DockExchange exchange)
    {
        _x = exchange;
    }

    /// <summary>SetClock: UTC ms in; whether it was set and its previous value out.</summary>
    /// <param name="requestId">The request's id.</param>
    public void SetClock(int requestId)
    {
        int type = (int)DockCommand.SetClock;
        long unix = _x.Request.ReadInt64();
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        if (unix < _x.Options.EarliestClockUnixMilliseconds || unix >= LatestUnixMilliseconds)
        {
            _x.SendError(type, requestId, DockError.BadRequest, DockProtocol.DetailTimeOutOfRange);
            return;
        }

        DockSession session = _x.Session;
        bool wasSet = _x.RealTimeClock.IsSet;
        long previous = wasSet ? _x.RealTimeClock.ReadUnixMilliseconds() : 0;
        // A clock holding a value outside the accepted range (a glitched RTC) is treated as unset: no arithmetic
        // on it can overflow, and a dock key cannot "nudge" from it.
        bool sane = wasSet && previous >= _x.Options.EarliestClockUnixMilliseconds && previous < LatestUnixMilliseconds;
        long change = sane ? unix - previous : 0;
        long step = change < 0 ? -change : change;
        if (session.Mode == DockSessionMode.DockCertificate)
        {
            // Clock authority (docs/dock-protocol.md, "SetClock"): a dock key only nudges a set clock, within a
            // bound per session; an unset clock or a larger change needs the authority key, so a dock key cannot move
            // the clock back to revive its expired certificate.
            if (!sane || step > _x.Options.DockKeyClockBoundMilliseconds - session.ClockNudged)
            {
                _x.RecordAuthFailure("dock-auth:clock-step-forbidden");
                _x.SendError(type, requestId, DockError.Forbidden, DockProtocol.DetailClockStepTooLarge);
                return;
            }

            session.ClockNudged += step;
        }

        _x.RealTimeClock.Set(unix);
        string by = _x.KeyFingerprint.SessionSuffix();
        _x.Audit.Append(
            AuditEventType.ClockSet,
            AuditTimeBase.None,
            0,
            (sane ? "adjust-ms=" + change.ToString() : (wasSet ? "previous=invalid" : "previous=unset")) + by);
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteByte(wasSet ? 1 : 0);
        response.WriteInt64(previous);
        response.Send();
    }
}
