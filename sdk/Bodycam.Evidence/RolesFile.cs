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
    private readonly Dictionary<string, byte[]> _keys;

    private RolesFile(Dictionary<string, int> retention, Dictionary<string, VaultActor> actors, Dictionary<string, byte[]> keys)
    {
        _retention = retention;
        _actors = actors;
        _keys = keys;
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
        var pendingKeys = new List<(int Line, string Name, string Key)>();
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
            else if (f[0] == "key" && f.Length == 3)
            {
                pendingKeys.Add((number, f[1], f[2]));
            }
            else
            {
                throw Bad(number, "Expected 'municipality <id> [<retention-days>]', 'actor <name> <municipality> <role>[,<role>...]' or 'key <actor> <public key, 64 hex digits>'.");
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

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach ((int number, string name, string hex) in pendingKeys)
        {
            if (!actors.ContainsKey(name))
            {
                throw Bad(number, "Key for '" + name + "', which has no actor line.");
            }

            if (hex.Length != 64 || !IsLowerHex(hex))
            {
                throw Bad(number, "An actor key is the Ed25519 public key as 64 lowercase hex digits (as 'bodycam vault actor-key new' prints it).");
            }

            if (!keys.TryAdd(name, Convert.FromHexString(hex)))
            {
                throw Bad(number, "Actor '" + name + "' has two key lines (one key per actor; replace the line to change it).");
            }
        }

        return new RolesFile(retention, actors, keys);
    }

    /// <summary>The Ed25519 public key registered for an actor with a <c>key</c> line.</summary>
    /// <param name="name">The actor's name.</param>
    /// <param name="publicKey">The 32-byte key (a copy), or empty.</param>
    /// <returns>True when the actor has a key line.</returns>
    public bool TryGetActorKey(string name, out byte[] publicKey)
    {
        if (_keys.TryGetValue(name, out byte[]? key))
        {
            publicKey = (byte[])key.Clone();
            return true;
        }

        publicKey = [];
        return false;
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

    private static bool IsLowerHex(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

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
