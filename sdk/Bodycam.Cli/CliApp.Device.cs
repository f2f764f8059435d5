using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
using Bodycam.Sdk.Devices;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;

namespace Bodycam.Cli;

/// <summary><c>bodycam device</c>: info, provision, configure, reset.</summary>
public sealed partial class CliApp
{
    private readonly Option<FileInfo?> _deviceRegistry = new("--registry") { Description = "The device registry (docs/device-registry.md; default $BODYCAM_REGISTRY, else devices.txt in the current folder)." };

    private Command BuildDevice()
    {
        Command info = new("info", "Show what the device tells any host before authentication: identity, state and enrolment (no session needed; battery, storage and clock are in 'device status').");
        info.SetAction(async (parse, ct) =>
        {
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            DeviceInfo d = await client.GetInfoAsync(ct).ConfigureAwait(false);
            var view = new
            {
                d.DeviceId,
                d.FirmwareVersion,
                State = d.StateName,
                d.StateCode,
                Provisioning = d.Provisioning.ToString(),
                d.MunicipalityId,
            };
            await WriteAsync(parse, view, Lines(view)).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Command status = new("status", "Authenticate (the device proves its key, pinned from the device registry when it lists the device) and show storage, battery, recipients, clock and recordings.")
        {
            _authorityKey,
            _dockKey,
            _certificate,
            _deviceRegistry,
        };
        status.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            bool pinned = PinFromRegistry(parse, client, required: false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            DeviceStatus d = await client.GetStatusAsync(ct).ConfigureAwait(false);
            var view = new
            {
                client.Hello!.DeviceId,
                DevicePublicKey = Hex(client.DeviceKey!.Value.Span),
                DeviceKeyCheck = pinned ? "proven, matches the registry" : "proven, not in the registry",
                d.StorageUsedBytes,
                d.StorageCapacityBytes,
                d.BatteryPercent,
                d.RecipientCount,
                Clock = d.Clock?.ToString("O"),
                d.RecordingFileCount,
            };
            await WriteAsync(parse, view, Lines(view)).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Command register = new("register", "Authenticate a device enrolled elsewhere (the emulator, a vendor's desk) and add its proven device key to the device registry; provision does this for the devices it enrols.")
        {
            _authorityKey,
            _dockKey,
            _certificate,
            _deviceRegistry,
        };
        register.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            DeviceInfo d = await client.GetInfoAsync(ct).ConfigureAwait(false);
            PinFromRegistry(parse, client, required: false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            string path = AddToRegistry(parse, d.DeviceId, d.MunicipalityId, client.DeviceKey!.Value.Span);
            var view = new { d.DeviceId, d.MunicipalityId, DevicePublicKey = Hex(client.DeviceKey!.Value.Span), Registry = path };
            await WriteAsync(parse, view, $"registered {d.DeviceId} ({d.MunicipalityId}) with device key {view.DevicePublicKey} in {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Command configuration = new("configuration", "Authenticate and print the configuration document the device stores (in force from its next boot).")
        {
            _authorityKey,
            _dockKey,
            _certificate,
            _deviceRegistry,
        };
        configuration.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            PinFromRegistry(parse, client, required: false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            StoredConfiguration stored = await client.ReadConfigurationAsync(ct).ConfigureAwait(false);
            string text = System.Text.Encoding.ASCII.GetString(stored.Document.Span);
            var view = new { client.Hello!.DeviceId, stored.Sequence, Document = text };
            await WriteAsync(parse, view, stored.Sequence == 0 ? "no configuration stored: the factory defaults are in force" : $"# sequence {stored.Sequence}" + Environment.NewLine + text.TrimEnd('\n')).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Option<string> municipality = new("--municipality") { Description = "The municipality to enrol the device in.", Required = true };
        Option<FileInfo> authority = new("--authority-key") { Description = "The municipality's authority private key file.", Required = true };
        Option<FileInfo[]> recipients = new("--recipient") { Description = "A recipient public key file (repeat for more, up to 8).", Required = true, AllowMultipleArgumentsPerToken = true };
        ExistingFile(authority);
        ExistingFile(recipients);
        Command provision = new("provision", "Enrol an unprovisioned (or reset) device: install the authority key and the recipient keys, and add the device's key to the device registry.")
        {
            municipality,
            authority,
            recipients,
            _deviceRegistry,
        };
        provision.SetAction(async (parse, ct) =>
        {
            List<ReadOnlyMemory<byte>> keys = [];
            foreach (FileInfo file in parse.GetValue(recipients)!)
            {
                PublicKeyFile key = PublicKeyFile.Load(file.FullName);
                if (key.Type != KeyType.Recipient)
                {
                    throw new UsageException(file.FullName + " is not a recipient public key.");
                }

                keys.Add(key.Key);
            }

            using Ed25519DockSigner signer = LoadAuthority(parse, parse.GetValue(authority)!);
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            byte[] deviceKey = await client.ProvisionAsync(client.Hello!.DeviceId, parse.GetValue(municipality)!, signer, keys, ct).ConfigureAwait(false);
            // The key goes into the registry only once the device proved it holds it (a session with the authority
            // key just installed), so a device answering someone else's key is never registered.
            client.ExpectDeviceKey(deviceKey);
            await client.AuthenticateAsync(new AuthorityAuthenticator(signer), ct).ConfigureAwait(false);
            await client.EndSessionAsync(ct).ConfigureAwait(false);
            string registry = AddToRegistry(parse, client.Hello!.DeviceId, parse.GetValue(municipality)!, deviceKey);
            var view = new { client.Hello!.DeviceId, Municipality = parse.GetValue(municipality), DevicePublicKey = Hex(deviceKey), Registry = registry };
            await WriteAsync(parse, view, $"enrolled {view.DeviceId} in {view.Municipality}; device key {view.DevicePublicKey} added to {registry}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        Argument<FileInfo> document = new("file") { Description = "The configuration document (docs/configuration.md): version=1, then key=value lines." };
        document.Validators.Add(r => RefuseFolders(r, document.Name));
        Option<long?> sequence = new("--sequence") { Description = "The document's sequence number, above the one in force (default: this host's Unix time in seconds)." };
        Command configure = new("configure", "Check a configuration document, sign it with the authority key and push it to the docked device; it is stored and in force from the next boot.")
        {
            document,
            _authorityKey,
            sequence,
        };
        configure.SetAction(async (parse, ct) =>
        {
            FileInfo file = parse.GetValue(document)!;
            byte[] bytes;
            try
            {
                bytes = DeviceConfigurationDocument.Prepare(File.ReadAllText(file.FullName));
            }
            catch (ConfigurationDocumentException e)
            {
                await _err.WriteLineAsync($"bodycam: {file.FullName}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.CheckFailed;
            }

            long number = parse.GetValue(sequence) ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (number < 1)
            {
                throw new UsageException("--sequence is a positive number.");
            }

            using Ed25519DockSigner signer = LoadAuthority(parse, RequireAuthorityKey(parse));
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(new AuthorityAuthenticator(signer), ct).ConfigureAwait(false);
            DeviceInfo d = await client.GetInfoAsync(ct).ConfigureAwait(false);
            await client.PushConfigurationAsync(d.MunicipalityId, number, bytes, signer, ct).ConfigureAwait(false);
            var view = new { d.DeviceId, Sequence = number, Bytes = bytes.Length };
            await WriteAsync(parse, view, $"configuration {number} ({bytes.Length} bytes) stored on {d.DeviceId}; in force from its next boot").ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Option<bool> yes = new("--yes") { Description = "Confirm the reset (the device forgets its municipality and keys until it is provisioned again)." };
        Command reset = new("reset", "Authorised reset: the device forgets its enrolment (only with the authority key, and only when it holds no recordings), so it can be provisioned again.")
        {
            _authorityKey,
            yes,
        };
        reset.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                throw new UsageException("device reset forgets the enrolment; add --yes to confirm.");
            }

            using Ed25519DockSigner signer = LoadAuthority(parse, RequireAuthorityKey(parse));
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(new AuthorityAuthenticator(signer), ct).ConfigureAwait(false);
            await client.ResetProvisioningAsync(ct).ConfigureAwait(false);
            var view = new { client.Hello!.DeviceId, Provisioning = "Reset" };
            await WriteAsync(parse, view, $"{view.DeviceId} reset; provision it again with 'bodycam device provision'").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("device", "Device information, status, enrolment, registration, configuration and reset.") { info, status, provision, register, configure, configuration, reset };
    }

    private static string Lines(object view) =>
        string.Join(Environment.NewLine, view.GetType().GetProperties().Select(p => $"{p.Name,-22} {p.GetValue(view) ?? "(not set)"}"));

    // The device registry (docs/device-registry.md): --registry FILE, else (offload into a vault) the vault's
    // devices.txt, else $BODYCAM_REGISTRY, else devices.txt in the current folder. The offload command shares the
    // vault's --registry and --vault options, found here by name.
    private string RegistryFile(ParseResult parse)
    {
        FileInfo? given = parse.GetValue<FileInfo?>("--registry");
        if (given != null)
        {
            return given.FullName;
        }

        if (parse.CommandResult.Command.Options.Any(o => o.Name == "--vault") && parse.GetValue<DirectoryInfo?>("--vault") is { } vault)
        {
            return Path.Combine(vault.FullName, "devices.txt");
        }

        return _environment("BODYCAM_REGISTRY") is { Length: > 0 } env ? Path.GetFullPath(env) : Path.GetFullPath("devices.txt");
    }

    // Pins the key the registry lists for the id the device announced in hello. A device missing from the registry is
    // refused when required (offload); otherwise the device still proves the key it presents.
    private bool PinFromRegistry(ParseResult parse, DockClient client, bool required)
    {
        string path = RegistryFile(parse);
        string id = client.Hello!.DeviceId;
        if (!File.Exists(path))
        {
            return required
                ? throw new UsageException($"No device registry at {path}: enrol the device with 'bodycam device provision' (or 'bodycam device register'), or give --registry FILE.")
                : false;
        }

        if (!DeviceRegistry.Load(path).TryFind(id, out DeviceRegistryEntry entry))
        {
            return required
                ? throw new UsageException($"Device {id} is not in the device registry {path}: enrol it with 'bodycam device provision' (or 'bodycam device register').")
                : false;
        }

        client.ExpectDeviceKey(entry.PublicKey);
        return true;
    }

    // The verification key of a recording from the registry, by the device id in its first file's header (the header
    // is only read here; the export's reader then checks every file against this key).
    private byte[] RegistryKeyOf(ParseResult parse, string firstFile)
    {
        string path = RegistryFile(parse);
        string id = RecordingReader.Open(firstFile).ReadHeader().DeviceId;
        if (!File.Exists(path) || !DeviceRegistry.Load(path).TryFind(id, out DeviceRegistryEntry entry))
        {
            throw new UsageException($"Device {id} of {firstFile} is not in the device registry {path}: give --registry FILE or --device-key.");
        }

        return entry.PublicKey.ToArray();
    }

    private string AddToRegistry(ParseResult parse, string deviceId, string municipalityId, ReadOnlySpan<byte> key)
    {
        string path = RegistryFile(parse);
        DeviceRegistry registry = File.Exists(path) ? DeviceRegistry.Load(path) : DeviceRegistry.Empty();
        if (registry.TryFind(deviceId, out DeviceRegistryEntry existing))
        {
            if (!CryptographicOperations.FixedTimeEquals(existing.PublicKey.Span, key))
            {
                throw new UsageException($"{path} lists {deviceId} with another device key: a different camera uses that id. Edit the registry only after checking which is genuine.");
            }

            return path;
        }

        registry.Add(DeviceRegistry.CreateEntry(deviceId, municipalityId, Hex(key))).Save(path);
        return path;
    }
}
