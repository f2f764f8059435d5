using System.Collections.Generic;

namespace Bodycam.Sdk.Audit;

/// <summary>The verified records of an audit trail and where verification stopped, if it did.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Records">The records verified (all of them when valid; those before the failure otherwise).</param>
/// <param name="FailureOffset">The byte offset of the first bad record, or -1.</param>
/// <param name="FailureReason">Why it failed, for people, or empty.</param>
public sealed record AuditVerification(AuditTrailStatus Status, IReadOnlyList<AuditRecord> Records, long FailureOffset, string FailureReason);
