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
                return e.Error is OffloadError.UnsafeDeviceId or OffloadError.UnsafeFileName or OffloadError.FileTooLarge
                    ? ExitCodes.LinkFailed
                    : ExitCodes.Usage;
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
}
