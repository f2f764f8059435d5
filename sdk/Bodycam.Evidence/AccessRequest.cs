using System;

namespace Bodycam.Evidence;

/// <summary>A request to see one recording for one purpose, decided by a privacy officer other than the requester.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="RecordingId">The one recording it covers.</param>
/// <param name="RequestedBy">The actor who filed it.</param>
/// <param name="RequesterRole">Who asks (filmed person, bystander, officer, prosecutor).</param>
/// <param name="Purpose">For what.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="RequestedAt">When it was filed.</param>
/// <param name="State">Pending, approved or denied.</param>
/// <param name="DecidedBy">The privacy officer who decided, or null.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DecisionNote">The decision's note.</param>
public sealed record AccessRequest(
    string RequestId,
    string RecordingId,
    string RequestedBy,
    RequesterRole RequesterRole,
    RequestPurpose Purpose,
    string Reference,
    DateTimeOffset RequestedAt,
    RequestState State,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote);
