using System;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Thrown when an assembly cannot be inspected at all (as opposed to an assembly that has findings).
/// </summary>
public sealed class InspectionException : Exception
{
    /// <summary>
    /// Creates the exception.
    /// </summary>
    /// <param name="reason">Why inspection failed.</param>
    /// <param name="message">A message naming the file.</param>
    /// <param name="innerException">The decoding error, if any.</param>
    public InspectionException(InspectionError reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why inspection failed.</summary>
    public InspectionError Reason { get; }
}
