using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Cli.Vault;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;
using Spectre.Console;

namespace Bodycam.Cli;

/// <summary>
/// The <c>bodycam</c> command tree. Output and errors go to the writers given, so the tests run it in-process.
/// Passphrases come from the environment variable named by --passphrase-env (default BODYCAM_PASSPHRASE), or
/// from a prompt when the terminal is interactive.
/// </summary>
public sealed class CliApp
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Func<string, string?> _environment;
    private readonly Option<string?> _tcp = new("--tcp") { Description = "Connect to a device (or the emulator's dock endpoint) over TCP, host:port.", Recursive = true };
    private readonly Option<string?> _serial = new("--serial") { Description = "Connect to a device over a serial port (USB CDC, or the emulator's /dev/pts/N).", Recursive = true };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds to wait for each answer.", DefaultValueFactory = _ => 5, Recursive = true };
    private readonly Option<bool> _jsonOption = new("--json") { Description = "Write machine-readable JSON instead of text.", Recursive = true };
    private readonly Option<string> _passphraseEnv = new("--passphrase-env") { Description = "Environment variable holding the key passphrase.", DefaultValueFactory = _ => "BODYCAM_PASSPHRASE", Recursive = true };
    private readonly Option<FileInfo?> _authorityKey = new("--authority-key") { Description = "The municipality's authority private key file (opens a session on the device)." };
    private readonly Option<FileInfo?> _dockKey = new("--dock-key") { Description = "A dock private key file: opens the session instead of --authority-key, with --certificate." };
    private readonly Option<FileInfo?> _certificate = new("--certificate") { Description = "The authority's certificate for --dock-key (from 'keys certify-dock')." };
    private readonly VaultCommands _vault;

    /// <summary>Initializes a new instance of the <see cref="CliApp"/> class.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="environment">Reads environment variables.</param>
    public CliApp(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        _out = output;
        _err = error;
        _environment = environment;
        _vault = new VaultCommands(output, error, environment, _jsonOption, _passphraseEnv);
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        RootCommand root = BuildRoot();
        ParseResult parse = root.Parse(args);
        InvocationConfiguration invocation = new() { Output = _out, Error = _err, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await _err.WriteLineAsync("bodycam: " + error.Message).ConfigureAwait(false);
            }

            await _err.WriteLineAsync("Try 'bodycam --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await _err.WriteLineAsync("bodycam: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (DockConnectionException e)
        {
            await _err.WriteLineAsync($"bodycam: link failed ({e.Reason}): {e.Message}").ConfigureAwait(false);
            return ExitCodes.LinkFailed;
        }
        catch (SocketException e)
        {
            await _err.WriteLineAsync("bodycam: cannot connect: " + e.Message).ConfigureAwait(false);
            return ExitCodes.LinkFailed;
        }
        catch (DockErrorException e)
        {
            await _err.WriteLineAsync($"bodycam: the device refused: {e.Code} (detail {e.Detail})").ConfigureAwait(false);
            return ExitCodes.DeviceRefused;
        }
        catch (WrongPassphraseException e)
        {
            await _err.WriteLineAsync("bodycam: " + e.Message).ConfigureAwait(false);
            return ExitCodes.KeyError;
        }
        catch (KeyFileException e)
        {
            await _err.WriteLineAsync($"bodycam: key file error ({e.Error}): {e.Message}").ConfigureAwait(false);
            return ExitCodes.KeyError;
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] ReadDeviceKey(string value)
    {
        string text = File.Exists(value) ? File.ReadAllText(value).Trim() : value.Trim();
        byte[] key;
        try
        {
            key = text.Length == 64 ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new UsageException("--device-key must be 32 bytes in hex or base64, or a file holding that.");
        }

        return key.Length == 32 ? key : throw new UsageException("--device-key must be 32 bytes.");
    }

    private RootCommand BuildRoot()
    {
        RootCommand root = new(
            "bodycam: keys, device enrolment, offload with verified delete, verification, export and audit for the body camera.\n"
            + "Exit codes: 0 success, 1 a check failed, 2 usage, 3 link failed, 4 device refused, 5 key file error.");
        root.Options.Add(_tcp);
        root.Options.Add(_serial);
        root.Options.Add(_timeout);
        root.Options.Add(_jsonOption);
        root.Options.Add(_passphraseEnv);
        root.Subcommands.Add(BuildKeys());
        root.Subcommands.Add(BuildDevice());
        root.Subcommands.Add(BuildOffload());
        root.Subcommands.Add(BuildVerify());
        root.Subcommands.Add(BuildExport());
        root.Subcommands.Add(BuildAudit());
        root.Subcommands.Add(BuildClock());
        root.Subcommands.Add(_vault.Build());
        return root;
    }

    private Command BuildKeys()
    {
        Option<DirectoryInfo> outDir = new("--out") { Description = "Folder for the key files (created if missing).", Required = true };
        Option<string> municipality = new("--municipality") { Description = "Municipality id, used in the file names (for example heerde).", Required = true };
        Command create = new("new", "Create a municipality's recipient (X25519, decrypts recordings) and authority (Ed25519, commands devices) key pairs; private keys are passphrase-protected.")
        {
            outDir,
            municipality,
        };
        create.SetAction(async (parse, ct) =>
        {
            string id = parse.GetValue(municipality)!;
            string folder = parse.GetValue(outDir)!.FullName;
            Directory.CreateDirectory(folder);
            string passphrase = ReadPassphrase(parse, "Passphrase for the new private keys");
            Dictionary<string, string> files = [];
            foreach ((KeyType type, string name) in new[] { (KeyType.Recipient, "recipient"), (KeyType.Authority, "authority") })
            {
                string privatePath = Path.Combine(folder, $"{id}.{name}.key");
                string publicPath = Path.Combine(folder, $"{id}.{name}.pub");
                if (File.Exists(privatePath) || File.Exists(publicPath))
                {
                    throw new UsageException($"{privatePath} or {publicPath} exists; keys are never overwritten.");
                }

                using KeyPair pair = KeyPair.Generate(type);
                PrivateKeyFile.Save(privatePath, pair, passphrase);
                new PublicKeyFile(type, pair.PublicKey).Save(publicPath);
                files[name + "-private"] = privatePath;
                files[name + "-public"] = publicPath;
            }

            await WriteAsync(parse, files, string.Join(Environment.NewLine, files.Select(f => $"{f.Key,-18} {f.Value}"))).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        Option<DirectoryInfo> dockOut = new("--out") { Description = "Folder for the key files (created if missing).", Required = true };
        Option<string> dockName = new("--name") { Description = "The dock's name, used in the file names (for example heerde-dock-1).", Required = true };
        Command newDock = new("new-dock", "Create a dock key pair (Ed25519): a docking station opens sessions with it once the authority certified it; the private key is passphrase-protected.")
        {
            dockOut,
            dockName,
        };
        newDock.SetAction(async (parse, ct) =>
        {
            string folder = parse.GetValue(dockOut)!.FullName;
            string name = parse.GetValue(dockName)!;
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new UsageException("--name must be usable as a file name.");
            }

            Directory.CreateDirectory(folder);
            string privatePath = Path.Combine(folder, $"{name}.dock.key");
            string publicPath = Path.Combine(folder, $"{name}.dock.pub");
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                throw new UsageException($"{privatePath} or {publicPath} exists; keys are never overwritten.");
            }

            string passphrase = ReadPassphrase(parse, "Passphrase for the new dock key");
            using KeyPair pair = KeyPair.Generate(KeyType.Dock);
            PrivateKeyFile.Save(privatePath, pair, passphrase);
            new PublicKeyFile(KeyType.Dock, pair.PublicKey).Save(publicPath);
            var view = new Dictionary<string, string> { ["dock-private"] = privatePath, ["dock-public"] = publicPath };
            await WriteAsync(parse, view, string.Join(Environment.NewLine, view.Select(f => $"{f.Key,-18} {f.Value}"))).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Option<FileInfo> certifyAuthority = new("--authority-key") { Description = "The municipality's authority private key file (signs the certificate).", Required = true };
        Option<FileInfo> dockPublic = new("--dock-public") { Description = "The dock's public key file (from 'keys new-dock').", Required = true };
        Option<string> certifyMunicipality = new("--municipality") { Description = "The municipality whose devices accept the dock.", Required = true };
        Option<DateTimeOffset> notAfter = new("--not-after") { Description = "The certificate's last valid moment (ISO 8601, for example 2027-12-31T23:59:59Z); devices with a set clock refuse it after.", Required = true };
        Option<FileInfo> certificateOut = new("--out") { Description = "The certificate file to write.", Required = true };
        Command certify = new("certify-dock", "Certify a dock key with the authority key, so the dock can open sessions (offload, audit, clock) but not configure, provision or reset.")
        {
            certifyAuthority,
            dockPublic,
            certifyMunicipality,
            notAfter,
            certificateOut,
        };
        certify.SetAction(async (parse, ct) =>
        {
            PublicKeyFile dock = PublicKeyFile.Load(parse.GetValue(dockPublic)!.FullName);
            if (dock.Type != KeyType.Dock)
            {
                throw new UsageException(parse.GetValue(dockPublic)!.FullName + " is not a dock public key.");
            }

            string path = parse.GetValue(certificateOut)!.FullName;
            if (File.Exists(path))
            {
                throw new UsageException(path + " exists; certificates are never overwritten.");
            }

            using Ed25519DockSigner signer = LoadAuthority(parse, parse.GetValue(certifyAuthority)!);
            DockCertificate certificate = DockCertificate.Issue(signer, parse.GetValue(certifyMunicipality)!, dock.Key, parse.GetValue(notAfter).ToUniversalTime());
            certificate.Save(path);
            var view = new { Certificate = path, certificate.MunicipalityId, NotAfter = certificate.NotAfter.ToString("O"), DockPublicKey = Hex(certificate.DockPublicKey.Span) };
            await WriteAsync(parse, view, $"certified dock {view.DockPublicKey} for {view.MunicipalityId} until {view.NotAfter}: {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("keys", "Municipality and dock key pairs.") { create, newDock, certify };
    }

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

    private Command BuildOffload()
    {
        Argument<DirectoryInfo> destination = new("dest") { Description = "Destination folder; each device gets a subfolder named by its id." };
        Option<bool> noConfirm = new("--no-confirm") { Description = "Copy and verify, but do not confirm (the device keeps everything)." };
        Command offload = new("offload", "Copy every closed recording (resuming partial files), verify it, and only then confirm it so the device deletes it.")
        {
            destination,
            _authorityKey,
            _dockKey,
            _certificate,
            noConfirm,
        };
        _vault.AddOffloadOptions(offload);
        offload.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            string dest = parse.GetValue(destination)!.FullName;
            Offloader offloader = new(
                async token =>
                {
                    DockClient c = await ConnectAsync(parse, token).ConfigureAwait(false);
                    await c.AuthenticateAsync(authenticator, token).ConfigureAwait(false);
                    return c;
                },
                _vault.OffloadVerifier(parse),
                new OffloadOptions { Destination = dest, Confirm = !parse.GetValue(noConfirm) });
            IReadOnlyList<OffloadedRecording> results;
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_out) });
            if (!parse.GetValue(_jsonOption) && console.Profile.Capabilities.Interactive)
            {
                results = await console.Progress().StartAsync(async context =>
                {
                    ProgressTask bar = context.AddTask("offload", maxValue: 1);
                    return await offloader.RunAsync(
                        new Progress<OffloadProgress>(p =>
                        {
                            bar.MaxValue = Math.Max(1, p.TotalBytes);
                            bar.Value = p.TotalBytesDone;
                            bar.Description = p.FileName;
                        }),
                        ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                results = await offloader.RunAsync(null, ct).ConfigureAwait(false);
            }

            var view = results.Select(r => new { r.RecordingId, Status = r.Status.ToString(), r.Bytes, r.Files, r.Detail }).ToList();
            await WriteAsync(parse, view, string.Join(Environment.NewLine, view.Select(r => $"{r.RecordingId,-24} {r.Status,-18} {r.Bytes,12} {r.Detail}").DefaultIfEmpty("no recordings"))).ConfigureAwait(false);
            bool allGood = results.All(r => r.Status is OffloadStatus.Confirmed or OffloadStatus.SkippedOpen or OffloadStatus.VerifiedNotConfirmed);
            return allGood ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return offload;
    }

    private Command BuildVerify()
    {
        Argument<FileInfo[]> files = new("files") { Description = "A recording's files, first file first.", Arity = ArgumentArity.OneOrMore };
        Option<string> deviceKey = new("--device-key") { Description = "The device's Ed25519 public key (hex or base64, or a file holding it), from enrolment.", Required = true };
        Command verify = new("verify", "Verify a recording's structure, hash chain and device signatures (no decryption key needed).")
        {
            files,
            deviceKey,
        };
        verify.SetAction(async (parse, ct) =>
        {
            byte[] key = ReadDeviceKey(parse.GetValue(deviceKey)!);
            string[] paths = parse.GetValue(files)!.Select(f => f.FullName).ToArray();
            RecordingCheck check = await new ReaderRecordingVerifier().VerifyAsync(paths, key, ct).ConfigureAwait(false);
            await WriteAsync(parse, new { check.Verified, check.Detail }, (check.Verified ? "verified: " : "NOT verified: ") + check.Detail).ConfigureAwait(false);
            return check.Verified ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return verify;
    }

    private Command BuildExport()
    {
        Argument<FileInfo[]> files = new("files") { Description = "A recording's files, first file first.", Arity = ArgumentArity.OneOrMore };
        Option<string> deviceKey = new("--device-key") { Description = "The device's Ed25519 public key (hex or base64, or a file holding it).", Required = true };
        Option<FileInfo> recipientKey = new("--recipient-key") { Description = "The municipality's recipient private key file.", Required = true };
        Option<DirectoryInfo> outDir = new("--out") { Description = "The evidence bundle folder to create (must not exist).", Required = true };
        Command export = new("export", "Decrypt a verified recording into an evidence bundle: originals, a player-ready AVI, a SHA-256 manifest and a report.")
        {
            files,
            deviceKey,
            recipientKey,
            outDir,
        };
        export.SetAction(async (parse, ct) =>
        {
            byte[] key = ReadDeviceKey(parse.GetValue(deviceKey)!);
            string[] paths = parse.GetValue(files)!.Select(f => f.FullName).ToArray();
            using KeyPair recipient = PrivateKeyFile.Load(parse.GetValue(recipientKey)!.FullName, ReadPassphrase(parse, "Passphrase of the recipient key"), KeyType.Recipient);
            List<RecordingResult> results = [];
            foreach (string path in paths)
            {
                results.Add(RecordingReader.Open(path).Decrypt(key, recipient.PrivateKey));
            }

            EvidenceBundle bundle = new EvidenceBundleWriter().Create(parse.GetValue(outDir)!.FullName, paths, results);
            var view = new { bundle.Directory, Files = bundle.Files.Select(f => new { f.RelativePath, f.Length, f.Sha256 }), bundle.ExportNote };
            await WriteAsync(parse, view, $"bundle {bundle.Directory}" + Environment.NewLine + string.Join(Environment.NewLine, bundle.Files.Select(f => $"  {f.Sha256}  {f.RelativePath}"))).ConfigureAwait(false);
            bool complete = results.All(r => r.Status == RecordingStatus.Complete || r.Status == RecordingStatus.ClosedByRecovery);
            return complete ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return export;
    }

    private Command BuildAudit()
    {
        Option<string> format = new("--format") { Description = "Output format: text, csv or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        Option<string?> deviceKey = new("--device-key") { Description = "Pin the device's public key (hex or base64, or a file) instead of trusting the one the device reports." };
        Command audit = new("audit", "Read the device's audit trail, verify its hash chain and signatures, and print it.")
        {
            _authorityKey,
            _dockKey,
            _certificate,
            format,
            deviceKey,
        };
        audit.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            DeviceInfo info = await client.GetInfoAsync(ct).ConfigureAwait(false);
            byte[] trail = await client.ReadAuditTrailAsync(ct).ConfigureAwait(false);
            string? pinned = parse.GetValue(deviceKey);
            byte[] key = pinned != null ? ReadDeviceKey(pinned) : info.DevicePublicKey;
            AuditVerification result = AuditTrailVerifier.Verify(trail, key);
            string chosen = parse.GetValue(_jsonOption) ? "json" : parse.GetValue(format)!;
            if (chosen == "json")
            {
                await _out.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        info.DeviceId,
                        Status = result.Status.ToString(),
                        result.FailureOffset,
                        result.FailureReason,
                        Records = result.Records.Select(r => new { r.Sequence, Event = r.Kind.ToString(), Time = r.Time?.ToString("O"), r.MonotonicMilliseconds, r.Subject }),
                    },
                    s_json)).ConfigureAwait(false);
            }
            else if (chosen == "csv")
            {
                await _out.WriteLineAsync("sequence,event,utc,monotonic_ms,subject").ConfigureAwait(false);
                foreach (AuditRecord r in result.Records)
                {
                    await _out.WriteLineAsync($"{r.Sequence},{r.Kind},{r.Time?.ToString("O") ?? string.Empty},{r.MonotonicMilliseconds},{Csv(r.Subject)}").ConfigureAwait(false);
                }
            }
            else
            {
                foreach (AuditRecord r in result.Records)
                {
                    await _out.WriteLineAsync($"{r.Sequence,6}  {r.Time?.ToString("u") ?? "(clock not set)",-20}  {r.Kind,-22} {r.Subject}").ConfigureAwait(false);
                }
            }

            if (result.Status != AuditTrailStatus.Valid)
            {
                await _err.WriteLineAsync($"bodycam: audit trail {result.Status} at byte {result.FailureOffset}: {result.FailureReason}").ConfigureAwait(false);
                return ExitCodes.CheckFailed;
            }

            return ExitCodes.Success;
        });
        return audit;
    }

    private Command BuildClock()
    {
        Command sync = new("sync", "Set the device clock to this host's UTC time (audited on the device).") { _authorityKey, _dockKey, _certificate };
        sync.SetAction(async (parse, ct) =>
        {
            (IDockAuthenticator authenticator, Ed25519DockSigner signer) = LoadSessionKey(parse);
            using Ed25519DockSigner owned = signer;
            using DockClient client = await ConnectAsync(parse, ct).ConfigureAwait(false);
            await client.AuthenticateAsync(authenticator, ct).ConfigureAwait(false);
            DateTimeOffset now = DateTimeOffset.UtcNow;
            DateTimeOffset? previous = await client.SetClockAsync(now, ct).ConfigureAwait(false);
            var view = new { Set = now.ToString("O"), Previous = previous?.ToString("O"), OffsetMilliseconds = previous.HasValue ? (long?)(now - previous.Value).TotalMilliseconds : null };
            await WriteAsync(parse, view, previous.HasValue ? $"clock set to {view.Set} (was off by {view.OffsetMilliseconds} ms)" : $"clock set to {view.Set} (was not set)").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("clock", "The device clock.") { sync };
    }

    private static string Csv(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private FileInfo RequireAuthorityKey(ParseResult parse) =>
        parse.GetValue(_authorityKey) ?? throw new UsageException("--authority-key is needed for this command.");

    // The session key: the authority key, or a dock key with the authority's certificate for it.
    private (IDockAuthenticator Authenticator, Ed25519DockSigner Signer) LoadSessionKey(ParseResult parse)
    {
        FileInfo? authority = parse.GetValue(_authorityKey);
        FileInfo? dock = parse.GetValue(_dockKey);
        FileInfo? certificate = parse.GetValue(_certificate);
        if ((authority == null) == (dock == null))
        {
            throw new UsageException("Give --authority-key, or --dock-key with --certificate, to open a session on the device.");
        }

        if (authority != null)
        {
            if (certificate != null)
            {
                throw new UsageException("--certificate goes with --dock-key, not with --authority-key.");
            }

            Ed25519DockSigner signer = LoadAuthority(parse, authority);
            return (new AuthorityAuthenticator(signer), signer);
        }

        if (certificate == null)
        {
            throw new UsageException("--dock-key needs --certificate (the authority's certificate for the dock key).");
        }

        DockCertificate cert = DockCertificate.Load(certificate.FullName);
        using KeyPair pair = PrivateKeyFile.Load(dock!.FullName, ReadPassphrase(parse, "Passphrase of the dock key"), KeyType.Dock);
        if (!pair.PublicKey.AsSpan().SequenceEqual(cert.DockPublicKey.Span))
        {
            throw new UsageException(certificate.FullName + " certifies another dock key.");
        }

        var dockSigner = new Ed25519DockSigner(pair.PrivateKey);
        return (new DockKeyAuthenticator(dockSigner, cert), dockSigner);
    }

    private async Task<DockClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string? tcp = parse.GetValue(_tcp);
        string? serial = parse.GetValue(_serial);
        if ((tcp == null) == (serial == null))
        {
            throw new UsageException("Give exactly one of --tcp host:port or --serial /dev/ttyX.");
        }

        DockClientOptions options = new() { RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(_timeout)) };
        IDockTransport transport;
        if (tcp != null)
        {
            int colon = tcp.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(tcp.AsSpan(colon + 1), out int port) || port < 1 || port > 65535)
            {
                throw new UsageException("--tcp wants host:port.");
            }

            transport = await TcpDockTransport.ConnectAsync(tcp[..colon], port, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                transport = SerialDockTransport.Open(serial!);
            }
            catch (IOException e)
            {
                throw new DockConnectionException(DockConnectionFailure.Closed, "Cannot open " + serial + ": " + e.Message, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DockConnectionException(DockConnectionFailure.Closed, "Cannot open " + serial + ": " + e.Message, e);
            }
        }

        DockClient client = new(transport, options);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    private Ed25519DockSigner LoadAuthority(ParseResult parse, FileInfo file)
    {
        using KeyPair pair = PrivateKeyFile.Load(file.FullName, ReadPassphrase(parse, "Passphrase of the authority key"), KeyType.Authority);
        return new Ed25519DockSigner(pair.PrivateKey);
    }

    private string ReadPassphrase(ParseResult parse, string prompt)
    {
        string variable = parse.GetValue(_passphraseEnv)!;
        string? value = _environment(variable);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (Console.IsInputRedirected)
        {
            throw new UsageException($"No passphrase: set {variable} or run in a terminal.");
        }

        return AnsiConsole.Prompt(new TextPrompt<string>(prompt + ":").Secret());
    }

    private async Task WriteAsync(ParseResult parse, object value, string text)
    {
        await _out.WriteLineAsync(parse.GetValue(_jsonOption) ? JsonSerializer.Serialize(value, s_json) : text).ConfigureAwait(false);
    }
}
