namespace Bodycam.Evidence;

/// <summary>Which recordings <c>vault list</c> shows.</summary>
public enum ListFilter
{
    /// <summary>Every stored recording.</summary>
    All = 1,

    /// <summary>Those whose retention period has passed at the given time (held or not).</summary>
    Expired = 2,

    /// <summary>Those with a hold in force.</summary>
    Held = 3,
}
