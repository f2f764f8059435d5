using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Cli.Vault;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;
using Spectre.Console;

namespace Bodycam.Cli;

/// <summary><c>bodycam offload</c>, <c>verify</c> and <c>export</c>: recordings from the device to an evidence bundle.</summary>
public sealed partial class CliApp
{
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
            IRecordingVerifier verifier = _vault.OffloadVerifier(parse, dest);
            Offloader offloader = new(
                async token =>
                {
                    DockClient c = await ConnectAsync(parse, token).ConfigureAwait(false);
                    try
                    {
                        // Recordings are verified with the key the registry pins and the device proves (docs/device-registry.md).
                        PinFromRegistry(parse, c, required: true);
                        await c.AuthenticateAsync(authenticator, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        c.Dispose();
                        throw;
                    }

                    return c;
                },
                verifier,
                new OffloadOptions { Destination = dest, Confirm = !parse.GetValue(noConfirm) });
            IReadOnlyList<OffloadedRecording> results;
            try
            {
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
            }
            catch (OffloadException e)
            {
                // One line naming the path or the name the device sent, and what to do (docs/dock-protocol.md).
                await _err.WriteLineAsync($"bodycam: offload stopped ({e.Error}): {e.Message}").ConfigureAwait(false);

                // What the vault stored before the stop is the vault's: the offload folder keeps no second name of it.
                (verifier as VaultIntakeVerifier)?.RemoveTakenSources();
                return e.Error is OffloadError.UnsafeDeviceId or OffloadError.UnsafeFileName or OffloadError.FileTooLarge
                    ? ExitCodes.LinkFailed
                    : ExitCodes.Usage;
            }

            // The offload is done with its files: those the vault took (a link intake) leave the offload folder.
            (verifier as VaultIntakeVerifier)?.RemoveTakenSources();
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
        ExistingFiles(files);
        Command verify = new("verify", "Verify a recording's structure, hash chain and device signatures (no decryption key needed).")
        {
            files,
            deviceKey,
        };
        verify.SetAction(async (parse, ct) =>
        {
            byte[] key = ReadDeviceKey(parse.GetValue(deviceKey)!);
            string[] paths = RecordingPaths(parse.GetValue(files)!);
            var read = new List<RecordingSetFile>(paths.Length);
            foreach (string path in paths)
            {
                ct.ThrowIfCancellationRequested();
                RecordingSetFile? file = await ReadRecordingFileAsync(path, reader => reader.Verify(key)).ConfigureAwait(false);
                if (file is null)
                {
                    return ExitCodes.RecordingUnreadable;
                }

                read.Add(file);
            }

            RecordingSetResult set = RecordingFileSet.Assess(read);
            await WriteAsync(parse, SetView(set), SetText(set)).ConfigureAwait(false);
            return set.Verified ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return verify;
    }

    private Command BuildExport()
    {
        Argument<FileInfo[]> files = new("files") { Description = "A recording's files, first file first.", Arity = ArgumentArity.OneOrMore };
        Option<string?> deviceKey = new("--device-key") { Description = "The device's Ed25519 public key (hex or base64, or a file holding it); default: the key the device registry lists for the recording's device." };
        Option<FileInfo> recipientKey = new("--recipient-key") { Description = "The municipality's recipient private key file.", Required = true };
        Option<DirectoryInfo> outDir = new("--out") { Description = "The evidence bundle folder to create (must not exist; its parent must).", Required = true };
        Command export = new("export", "Decrypt a recording into an evidence bundle: originals, a player-ready AVI, a SHA-256 manifest and a report. "
            + "The bundle is made for a damaged recording too, and its report says what verified.")
        {
            files,
            deviceKey,
            recipientKey,
            outDir,
            _deviceRegistry,
        };
        export.SetAction(async (parse, ct) =>
        {
            string[] paths = RecordingPaths(parse.GetValue(files)!);
            byte[] key = parse.GetValue(deviceKey) is string given ? ReadDeviceKey(given) : RegistryKeyOf(parse, paths[0]);
            string bundlePath = Path.GetFullPath(parse.GetValue(outDir)!.FullName);
            if (Directory.Exists(bundlePath) || File.Exists(bundlePath))
            {
                await _err.WriteLineAsync("bodycam: export: " + bundlePath + " exists already; bundles are never overwritten. Give --out a new folder name.").ConfigureAwait(false);
                return ExitCodes.ExportBundleNotMade;
            }

            string? parent = Path.GetDirectoryName(bundlePath);
            if (parent is null || !Directory.Exists(parent))
            {
                await _err.WriteLineAsync("bodycam: export: the folder " + (parent ?? bundlePath) + " that should hold the bundle does not exist. Create it first or choose another --out.").ConfigureAwait(false);
                return ExitCodes.ExportBundleNotMade;
            }

            string keyPath = parse.GetValue(recipientKey)!.FullName;
            if (Directory.Exists(keyPath))
            {
                await _err.WriteLineAsync("bodycam: export: --recipient-key " + keyPath + " is a folder; give the NAME.recipient.key file from 'bodycam keys new'.").ConfigureAwait(false);
                return ExitCodes.KeyError;
            }

            using KeyPair recipient = PrivateKeyFile.Load(keyPath, ReadPassphrase(parse, "Passphrase of the recipient key"), KeyType.Recipient);
            var read = new List<RecordingSetFile>(paths.Length);
            foreach (string path in paths)
            {
                ct.ThrowIfCancellationRequested();
                RecordingSetFile? file;
                try
                {
                    file = await ReadRecordingFileAsync(path, reader => reader.Decrypt(key, recipient.PrivateKey)).ConfigureAwait(false);
                }
                catch (WrongKeyException)
                {
                    await _err.WriteLineAsync("bodycam: export: " + path + " is not sealed to the recipient key " + keyPath
                        + " (another municipality's key?). Use the recipient key of the municipality the device was provisioned for.").ConfigureAwait(false);
                    return ExitCodes.ExportWrongRecipientKey;
                }

                if (file is null)
                {
                    return ExitCodes.RecordingUnreadable;
                }

                read.Add(file);
            }

            RecordingSetResult set = RecordingFileSet.Assess(read);
            if (read[0].Result is null)
            {
                await _err.WriteLineAsync("bodycam: export: nothing to export: " + set.Detail + ". Check that the first file given is the recording's first file (-000.bcr) and was copied whole.").ConfigureAwait(false);
                return ExitCodes.RecordingUnreadable;
            }

            EvidenceBundle bundle;
            try
            {
                EvidenceInput input = EvidenceInput.FromRecordingSet(paths, set);
                bundle = new EvidenceBundleWriter().Create(bundlePath, input, ct);
            }
            catch (OperationCanceledException)
            {
                await _err.WriteLineAsync("bodycam: export cancelled; no bundle was made and nothing was left in " + parent + ".").ConfigureAwait(false);
                return ExitCodes.ExportCancelled;
            }
            catch (EvidenceBundleException e)
            {
                await _err.WriteLineAsync("bodycam: export: no bundle made (" + e.Reason + "): " + e.Message + " " + BundleHint(e.Reason)).ConfigureAwait(false);
                return ExitCodes.ExportBundleNotMade;
            }
            catch (ExportException e)
            {
                await _err.WriteLineAsync("bodycam: export: no bundle made: the media cannot be written (" + e.Reason + "): " + e.Message).ConfigureAwait(false);
                return ExitCodes.ExportBundleNotMade;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await _err.WriteLineAsync("bodycam: export: cannot write the bundle in " + parent + ": " + e.Message + " Check that the folder is writable and has room.").ConfigureAwait(false);
                return ExitCodes.ExportBundleNotMade;
            }

            var view = new
            {
                bundle.Directory,
                Verification = SetView(set),
                Files = bundle.Files.Select(f => new { f.RelativePath, f.Length, f.Sha256 }),
                bundle.ExportNote,
            };
            await WriteAsync(
                parse,
                view,
                SetText(set) + Environment.NewLine + $"bundle {bundle.Directory}" + Environment.NewLine
                    + string.Join(Environment.NewLine, bundle.Files.Select(f => $"  {f.Sha256}  {f.RelativePath}"))).ConfigureAwait(false);
            return set.Verified ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return export;
    }

    // The recording's files as full paths; the same file name twice cannot be one recording (and cannot be copied
    // into one bundle).
    private static string[] RecordingPaths(FileInfo[] files)
    {
        string[] paths = files.Select(f => f.FullName).ToArray();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            if (!names.Add(Path.GetFileName(path)))
            {
                throw new UsageException("The file name " + Path.GetFileName(path) + " is given twice; give each file of the recording once, first file first.");
            }
        }

        return paths;
    }

    // Reads one file: the reader's result, the refused header as a finding, or null after a one-line message when the
    // file cannot be read at all.
    private async Task<RecordingSetFile?> ReadRecordingFileAsync(string path, Func<RecordingReader, RecordingResult> read)
    {
        string name = Path.GetFileName(path);
        string? problem = null;
        try
        {
            if (Directory.Exists(path))
            {
                problem = path + " is a folder, not a recording file. Give the .bcr files themselves.";
            }
            else
            {
                RecordingReader reader = RecordingReader.Open(path);
                try
                {
                    return new RecordingSetFile(name, read(reader));
                }
                catch (RecordingFormatException e)
                {
                    return new RecordingSetFile(name, e);
                }
            }
        }
        catch (FileNotFoundException)
        {
            problem = "no such file: " + path + ". Check the path.";
        }
        catch (DirectoryNotFoundException)
        {
            problem = "no such folder for " + path + ". Check the path.";
        }
        catch (UnauthorizedAccessException)
        {
            problem = "cannot read " + path + " (permission denied). Check its permissions.";
        }
        catch (IOException e)
        {
            problem = "cannot read " + path + ": " + e.Message;
        }

        await _err.WriteLineAsync("bodycam: " + problem).ConfigureAwait(false);
        return null;
    }

    private static object SetView(RecordingSetResult set) => new
    {
        set.Verified,
        Status = set.Status.ToString(),
        Error = set.Error?.ToString(),
        set.Detail,
        Files = set.Files.Select((f, i) => new
        {
            f.Name,
            FormatVersion = f.Result?.FormatVersion,
            Status = f.Status.ToString(),
            Included = i < set.IncludedFiles && f.Result is not null,
            Segments = f.Result?.SegmentCount ?? 0,
            DeviceSignedSegments = f.Result?.SignedSegmentCount ?? 0,
        }),
    };

    private static string SetText(RecordingSetResult set)
    {
        var lines = new List<string>
        {
            (set.Verified ? "verified: " : "NOT verified: ") + set.Status + (set.Detail is null ? "" : ": " + set.Detail),
        };
        for (int i = 0; i < set.Files.Count; i++)
        {
            RecordingSetFile f = set.Files[i];
            string version = f.Result is null ? "header refused" : "version " + f.Result.FormatVersion;
            string segments = f.Result is null ? "" : $", {f.Result.SegmentCount} segments, device-signed {f.Result.SignedSegmentCount}";
            string included = i < set.IncludedFiles && f.Result is not null ? "" : ", left out";
            lines.Add($"  {f.Name}: {version}, {f.Status}{segments}{included}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string BundleHint(EvidenceBundleError reason) => reason switch
    {
        EvidenceBundleError.AlreadyExists => "Give --out a new folder name.",
        EvidenceBundleError.OriginalMissing => "Check that every file given still exists.",
        EvidenceBundleError.CopyMismatch => "The disk returned other bytes than were written: check the disk and try again.",
        _ => "Check the files given.",
    };
}
