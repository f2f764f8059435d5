using System;

namespace Bodycam.Sdk.Dock;

/// <summary>The device answered a request with an error frame.</summary>
public sealed class DockErrorException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DockErrorException"/> class.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="request">The request that was refused.</param>
    /// <param name="detail">The error's detail value.</param>
    public DockErrorException(DockErrorCode code, DockCommandCode request, uint detail)
        : base($"The device refused {request}: {code} (detail {detail}).")
    {
        Code = code;
        Request = request;
        Detail = detail;
    }

    /// <summary>Gets the error code.</summary>
    public DockErrorCode Code { get; }

    /// <summary>Gets the refused request's type.</summary>
    public DockCommandCode Request { get; }

    /// <summary>Gets the detail value (meaning per code).</summary>
    public uint Detail { get; }
}
