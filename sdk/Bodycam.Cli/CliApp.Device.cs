using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
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
    private Command BuildDevice()
    {
        Command info = new("info", "Show what the device reports about itself (no session needed).");
        info.SetAction(async (parse, ct) =>
        {
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            DeviceInfo d = await client.GetInfoAsync(ct).ConfigureAwait(false);
            var view = new
            {
                d.DeviceId,
                d.FirmwareVersion,
                DevicePublicKey = Hex(d.DevicePublicKey),
                State = d.StateName,
                d.StorageUsedBytes,
                d.StorageCapacityBytes,
                d.BatteryPercent,
                Provisioning = d.Provisioning.ToString(),
                d.MunicipalityId,
                d.RecipientCount,
                Clock = d.Clock?.ToString("O"),
                d.RecordingFileCount,
            };
            await WriteAsync(parse, view, string.Join(Environment.NewLine, view.GetType().GetProperties().Select(p => $"{p.Name,-22} {p.GetValue(view) ?? "(not set)"}"))).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Option<string> municipality = new("--municipality") { Description = "The municipality to enrol the device in.", Required = true };
        Option<FileInfo> authority = new("--authority-key") { Description = "The municipality's authority private key file.", Required = true };
        Option<FileInfo[]> recipients = new("--recipient") { Description = "A recipient public key file (repeat for more, up to 8).", Required = true, AllowMultipleArgumentsPerToken = true };
        ExistingFile(authority);
        ExistingFile(recipients);
        Command provision = new("provision", "Enrol an unprovisioned (or reset) device: install the authority key and the recipient keys.")
        {
            municipality,
            authority,
            recipients,
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
            var view = new { client.Hello!.DeviceId, Municipality = parse.GetValue(municipality), DevicePublicKey = Hex(deviceKey) };
            await WriteAsync(parse, view, $"enrolled {view.DeviceId} in {view.Municipality}; device key {view.DevicePublicKey}").ConfigureAwait(false);
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
        return new Command("device", "Device information, enrolment, configuration and reset.") { info, provision, configure, reset };
    }
}
