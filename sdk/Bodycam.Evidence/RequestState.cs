namespace Bodycam.Evidence;

/// <summary>Where a request stands.</summary>
public enum RequestState
{
    /// <summary>Waiting for a privacy officer other than the requester.</summary>
    Pending = 1,

    /// <summary>Approved: exports of its recording are allowed.</summary>
    Approved = 2,

    /// <summary>Denied.</summary>
    Denied = 3,
}
