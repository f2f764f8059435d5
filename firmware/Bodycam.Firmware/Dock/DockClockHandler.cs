using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Dock;

/// <summary>SetClock (docs/dock-protocol.md, "Commands"): sets the real-time clock and audits the change.</summary>
internal sealed class DockClockHandler
{
    // 2020-01-01T00:00:00Z: a clock set before this is a host error, not a time.
    private const long MinimumUnixMilliseconds = 1577836800000;

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

        if (unix < MinimumUnixMilliseconds)
        {
            _x.SendError(type, requestId, DockError.BadRequest, 0);
            return;
        }

        bool wasSet = _x.RealTimeClock.IsSet;
        long previous = wasSet ? _x.RealTimeClock.ReadUnixMilliseconds() : 0;
        _x.RealTimeClock.Set(unix);
        _x.Audit.Append(
            AuditEventType.ClockSet,
            AuditTimeBase.None,
            0,
            wasSet ? "adjust-ms=" + (unix - previous).ToString() : "previous=unset");
        DockResponseWriter response = _x.Response;
        response.Begin(type, requestId);
        response.WriteByte(wasSet ? 1 : 0);
        response.WriteInt64(previous);
        response.Send();
    }
}
