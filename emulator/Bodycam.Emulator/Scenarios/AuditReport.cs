using System.Collections.Generic;

namespace Bodycam.Emulator.Scenarios;

/// <summary>The device's audit trail as the SDK's verifier reads it from storage.</summary>
/// <param name="Valid">Whether the chain and every signature verify with the device's public key.</param>
/// <param name="Detail">The verifier's status and, when invalid, where and why.</param>
/// <param name="Events">The events' names in the language (recording-started, offloaded, ...), oldest first.</param>
public sealed record AuditReport(bool Valid, string Detail, IReadOnlyList<string> Events);
