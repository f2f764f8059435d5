namespace Bodycam.Firmware.Dock;

/// <summary>ReadAudit (docs/dock-protocol.md, "Commands"; docs/audit-trail.md): a byte range of the audit trail.</summary>
internal sealed class DockAuditHandler
{
    private readonly DockExchange _x;

    /// <summary>Initializes a new instance of the <see cref="DockAuditHandler"/> class.</summary>
    /// <param name="exchange">What the handlers share.</param>
    public DockAuditHandler(DockExchange exchange)
    {
        _x = exchange;
    }

    /// <summary>ReadAudit: offset and count in, the range out.</summary>
    /// <param name="requestId">The request's id.</param>
    public void Read(int requestId)
    {
        int type = (int)DockCommand.ReadAudit;
        long position = _x.Request.ReadInt64();
        uint wanted = _x.Request.ReadUInt32();
        if (!_x.EndOfRequest(type, requestId))
        {
            return;
        }

        _x.SendRange(type, requestId, null, position, wanted, _x.AuditReader.Length);
    }
}
