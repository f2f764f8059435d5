using System.CommandLine;
using System.IO;
using Bodycam.Evidence;
using Bodycam.Sdk.Keys;

namespace Bodycam.Cli.Vault;

/// <content>Who acts: <c>vault actor-key new</c>, and the authentication every other vault command goes through.</content>
public sealed partial class VaultCommands
{
    private Command BuildActorKey()
    {
        Argument<string> name = new("actor") { Description = "The actor the key is for (their name in the roles file)." };
        Option<FileInfo> outFile = new("--out") { Description = "The private key file to create (must not exist); passphrase from --actor-passphrase-env.", Required = true };
        Command create = new("new", "Make an actor's own key: writes the passphrase-protected private key file and prints the 'key' line the roles file's keeper adds for the actor.") { name, outFile };
        create.SetAction((parse, ct) => Run(parse, () =>
        {
            string actor = parse.GetValue(name)!;
            string path = parse.GetValue(outFile)!.FullName;
            using KeyPair pair = KeyPair.Generate(KeyType.Actor);
            PrivateKeyFile.Save(path, pair, ActorPassphrase(parse));
            string line = "key " + actor + " " + System.Convert.ToHexStringLower(pair.PublicKey);
            return Write(parse, new { Actor = actor, KeyFile = path, RolesLine = line }, $"wrote {path}; add this line to the roles file:\n{line}");
        }));
        return new Command("actor-key", "Actor keys: each person proves who they are to the vault with their own key file.") { create };
    }

    // The actor named by --actor, authenticated with the key file of --actor-key (docs/evidence-vault.md, "Actors and
    // their keys"); the key is erased as soon as it has signed the vault's challenge.
    private VaultActor ActorOf(ParseResult parse, EvidenceVault vault)
    {
        string? name = parse.GetValue(_actor) ?? _environment("BODYCAM_ACTOR");
        if (string.IsNullOrEmpty(name))
        {
            throw new UsageException("Give --actor <name> (or set BODYCAM_ACTOR): every vault action is attributed to a named actor.");
        }

        string? keyPath = parse.GetValue(_actorKey)?.FullName ?? _environment("BODYCAM_ACTOR_KEY");
        if (string.IsNullOrEmpty(keyPath))
        {
            throw new UsageException($"Give --actor-key <file> (or set BODYCAM_ACTOR_KEY): the vault acts for '{name}' only when they prove it with their own key file ('bodycam vault actor-key new').");
        }

        KeyPair key;
        try
        {
            key = PrivateKeyFile.Load(keyPath, ActorPassphrase(parse), KeyType.Actor);
        }
        catch (WrongPassphraseException e)
        {
            throw new WrongPassphraseException($"{e.Message} (the actor key {keyPath}, passphrase from {parse.GetValue(_actorPassphraseEnv)})");
        }

        using (key)
        {
            return vault.Authenticate(name, key);
        }
    }

    private string ActorPassphrase(ParseResult parse)
    {
        string variable = parse.GetValue(_actorPassphraseEnv)!;
        return _environment(variable) is { Length: > 0 } passphrase
            ? passphrase
            : throw new UsageException($"No passphrase for the actor key: set {variable} (or name another variable with --actor-passphrase-env).");
    }
}
