namespace Bodycam.Sdk.Audit;

/// <summary>Which kind of key opened the dock session an audit record names (docs/audit-trail.md, "Event types").</summary>
public enum AuditKeyKind
{
    /// <summary>The municipality's authority key (<c>;key=authority:F</c>).</summary>
    Authority = 1,

    /// <summary>A dock key the authority certified (<c>;key=dock:F</c>).</summary>
    Dock = 2,
}
