using System;
using System.Collections.Generic;
using System.Linq;

namespace Bodycam.Evidence;

/// <summary>
/// The written names of the vault's closed lists, as the CLI takes them, the database stores them and the access
/// log hashes them. Parsing is exact (lowercase, hyphenated); anything else is refused with the list of valid names.
/// </summary>
public static class VaultTerms
{
    private static readonly Dictionary<HoldKind, string> s_holds = new()
    {
        [HoldKind.Aangifte] = "aangifte",
        [HoldKind.Complaint] = "complaint",
        [HoldKind.DamagesClaim] = "damages-claim",
        [HoldKind.ProsecutorDemand] = "prosecutor-demand",
    };

    private static readonly Dictionary<RequesterRole, string> s_requesters = new()
    {
        [RequesterRole.FilmedPerson] = "filmed-person",
        [RequesterRole.Bystander] = "bystander",
        [RequesterRole.Officer] = "officer",
        [RequesterRole.Prosecutor] = "prosecutor",
    };

    private static readonly Dictionary<RequestPurpose, string> s_purposes = new()
    {
        [RequestPurpose.Inzage] = "inzage",
        [RequestPurpose.Aangifte] = "aangifte",
        [RequestPurpose.Complaint] = "complaint",
        [RequestPurpose.DamagesClaim] = "damages-claim",
        [RequestPurpose.Prosecution] = "prosecution",
        [RequestPurpose.Training] = "training",
    };

    private static readonly Dictionary<RequestState, string> s_states = new()
    {
        [RequestState.Pending] = "pending",
        [RequestState.Approved] = "approved",
        [RequestState.Denied] = "denied",
    };

    private static readonly Dictionary<VaultRole, string> s_roles = new()
    {
        [VaultRole.IntakeOperator] = "intake-operator",
        [VaultRole.PrivacyOfficer] = "privacy-officer",
        [VaultRole.Viewer] = "viewer",
    };

    /// <summary>The written name of a hold kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(HoldKind kind) => s_holds[kind];

    /// <summary>The written name of a requester role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string Name(RequesterRole role) => s_requesters[role];

    /// <summary>The written name of a purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The name.</returns>
    public static string Name(RequestPurpose purpose) => s_purposes[purpose];

    /// <summary>The written name of a request state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Name(RequestState state) => s_states[state];

    /// <summary>The written name of a vault role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string Name(VaultRole role) => s_roles[role];

    /// <summary>Parses a hold kind.</summary>
    /// <param name="text">The written name.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.InvalidArgument"/> with the valid names.</exception>
    public static HoldKind ParseHoldKind(string text) => Parse(s_holds, text, "hold kind");

    /// <summary>Parses a requester role.</summary>
    /// <param name="text">The written name.</param>
    /// <returns>The role.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.InvalidArgument"/> with the valid names.</exception>
    public static RequesterRole ParseRequesterRole(string text) => Parse(s_requesters, text, "requester role");

    /// <summary>Parses a purpose.</summary>
    /// <param name="text">The written name.</param>
    /// <returns>The purpose.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.InvalidArgument"/> with the valid names.</exception>
    public static RequestPurpose ParsePurpose(string text) => Parse(s_purposes, text, "purpose");

    /// <summary>Parses a request state.</summary>
    /// <param name="text">The written name.</param>
    /// <returns>The state.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.InvalidArgument"/> with the valid names.</exception>
    public static RequestState ParseRequestState(string text) => Parse(s_states, text, "request state");

    /// <summary>Parses a vault role.</summary>
    /// <param name="text">The written name.</param>
    /// <returns>The role.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.InvalidArgument"/> with the valid names.</exception>
    public static VaultRole ParseRole(string text) => Parse(s_roles, text, "role");

    private static T Parse<T>(Dictionary<T, string> names, string text, string what)
        where T : struct, Enum
    {
        foreach (KeyValuePair<T, string> pair in names)
        {
            if (string.Equals(pair.Value, text, StringComparison.Ordinal))
            {
                return pair.Key;
            }
        }

        throw new VaultException(VaultError.InvalidArgument, $"Unknown {what} '{text}'; one of: {string.Join(", ", names.Values.OrderBy(v => v, StringComparer.Ordinal))}.");
    }
}
