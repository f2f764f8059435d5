using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Bodycam.Evidence;

/// <summary>
/// The roles file: which municipalities the vault serves, each one's retention period, and every actor with their
/// municipality and roles (docs/evidence-vault.md, "Roles file"). Parsing is strict and all or nothing: a bad line
/// throws <see cref="VaultException"/> with <see cref="VaultError.BadRolesFile"/> and the line number.
/// </summary>
public sealed class RolesFile
{
    /// <summary>The header line of version 1.</summary>
    public const string Header = "bodycam-vault-roles 1";

    /// <summary>The retention period when a municipality line gives none, in days.</summary>
    public const int DefaultRetentionDays = 28;

    /// <summary>The longest retention period accepted, in days (ten years).</summary>
    public const int MaxRetentionDays = 3650;

    private readonly Dictionary<string, int> _retention;
    private readonly Dictionary<string, VaultActor> _actors;

    private RolesFile(Dictionary<string, int> retention, Dictionary<string, VaultActor> actors)
    {
        _retention = retention;
        _actors = actors;
    }

    /// <summary>Gets the municipalities, with their retention period in days.</summary>
    public IReadOnlyDictionary<string, int> RetentionDays => _retention;

    /// <summary>Gets the actors by name.</summary>
    public IReadOnlyDictionary<string, VaultActor> Actors => _actors;

    /// <summary>Reads a roles file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The roles.</returns>
    public static RolesFile Load(string path) => Parse(File.ReadAllText(path, Encoding.ASCII));

    /// <summary>Parses a roles file's text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The roles.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.BadRolesFile"/>.</exception>
    public static RolesFile Parse(string text)
    {
        string[] lines = text.Split('\n');
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw Bad(1, "The first line must be '" + Header + "'.");
        }

        var retention = new Dictionary<string, int>(StringComparer.Ordinal);
        var pendingActors = new List<(int Line, string Name, string Municipality, string Roles)>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            int number = i + 1;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            foreach (char c in line)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw Bad(number, "Only printable ASCII is allowed (no tabs, no CR).");
                }
            }

            string[] f = line.Split(' ');
            if (f[0] == "municipality" && (f.Length == 2 || f.Length == 3))
            {
                if (!IsName(f[1], false))
                {
                    throw Bad(number, "Bad municipality id '" + f[1] + "': 1 to 64 of a-z 0-9 -.");
                }

                int days = DefaultRetentionDays;
                if (f.Length == 3 && (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxRetentionDays))
                {
                    throw Bad(number, $"Retention must be 1 to {MaxRetentionDays} days, as decimal digits.");
                }

                if (!retention.TryAdd(f[1], days))
                {
                    throw Bad(number, "Municipality '" + f[1] + "' is listed twice.");
                }
            }
            else if (f[0] == "actor" && f.Length == 4)
            {
                pendingActors.Add((number, f[1], f[2], f[3]));
            }
            else
            {
                throw Bad(number, "Expected 'municipality <id> [<retention-days>]' or 'actor <name> <municipality> <role>[,<role>...]'.");
            }
        }

        var actors = new Dictionary<string, VaultActor>(StringComparer.Ordinal);
        foreach ((int number, string name, string municipality, string roleList) in pendingActors)
        {
            if (!IsName(name, true))
            {
                throw Bad(number, "Bad actor name '" + name + "': 1 to 64 of a-z 0-9 . _ -.");
            }

            if (!retention.ContainsKey(municipality))
            {
                throw Bad(number, "Actor '" + name + "' names municipality '" + municipality + "', which has no municipality line.");
            }

            var roles = new HashSet<VaultRole>();
            foreach (string role in roleList.Split(','))
            {
                try
                {
                    if (!roles.Add(VaultTerms.ParseRole(role)))
                    {
                        throw Bad(number, "Role '" + role + "' is listed twice.");
                    }
                }
                catch (VaultException e) when (e.Error == VaultError.InvalidArgument)
                {
                    throw Bad(number, e.Message);
                }
            }

            if (!actors.TryAdd(name, new VaultActor(name, municipality, roles)))
            {
                throw Bad(number, "Actor '" + name + "' is listed twice (an actor acts for one municipality).");
            }
        }

        return new RolesFile(retention, actors);
    }

    /// <summary>Finds an actor.</summary>
    /// <param name="name">The actor's name.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="VaultException"><see cref="VaultError.UnknownActor"/>.</exception>
    public VaultActor Actor(string name)
    {
        return _actors.TryGetValue(name, out VaultActor? actor)
            ? actor
            : throw new VaultException(VaultError.UnknownActor, "Actor '" + name + "' is not in the roles file; every action is taken by a named actor listed there.");
    }

    /// <summary>The retention period of a municipality.</summary>
    /// <param name="municipalityId">The municipality.</param>
    /// <returns>The period.</returns>
    public TimeSpan RetentionOf(string municipalityId) => TimeSpan.FromDays(_retention.TryGetValue(municipalityId, out int days) ? days : DefaultRetentionDays);

    private static VaultException Bad(int line, string message) => new(VaultError.BadRolesFile, "roles file line " + line + ": " + message);

    private static bool IsName(string value, bool allowDotUnderscore)
    {
        if (value.Length is < 1 or > 64)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || (allowDotUnderscore && (c == '.' || c == '_'))))
            {
                return false;
            }
        }

        return true;
    }
}
