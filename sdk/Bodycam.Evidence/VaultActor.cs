using System.Collections.Generic;

namespace Bodycam.Evidence;

/// <summary>A named person acting in the vault, with the municipality they act for and their roles (from the roles file).</summary>
/// <param name="Name">The actor's name, as every log entry records it.</param>
/// <param name="MunicipalityId">The one municipality whose recordings the actor sees.</param>
/// <param name="Roles">The actor's roles.</param>
public sealed record VaultActor(string Name, string MunicipalityId, IReadOnlySet<VaultRole> Roles)
{
    /// <summary>Whether the actor has a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>True when the actor has it.</returns>
    public bool Has(VaultRole role) => Roles.Contains(role);
}
