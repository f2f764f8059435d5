using System;
using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using Bodycam.Evidence;
using Bodycam.Sdk.Keys;

namespace Bodycam.Cli.Vault;

/// <content><c>vault view</c>: purpose-bound viewing without an export.</content>
public sealed partial class VaultCommands
{
    private Command BuildView()
    {
        Argument<string> id = new("recording-id") { Description = "The recording." };
        Option<string> request = new("--request") { Description = "The approved request for this recording.", Required = true };
        Option<FileInfo> recipientKey = new("--recipient-key") { Description = "Your municipality's recipient private key file (passphrase from --passphrase-env).", Required = true };
        Option<string?> open = new("--open") { Description = "A program to run with the viewing folder as its one argument (a video player, a file manager); the folder is removed when it exits. Without it the folder is printed and removed when you press Enter." };
        Command view = new("view", "View a recording under an approved request without exporting it: it is decrypted into a private folder (mode 0700, in memory under /dev/shm where there is one) that is removed when the viewing ends; logged like an export.") { id, request, recipientKey, open };
        view.SetAction((parse, ct) => Run(parse, () =>
        {
            EvidenceVault vault = OpenVault(parse);
            VaultActor actor = ActorOf(parse, vault);
            string passphrase = _environment(parse.GetValue(_passphraseEnv)!) is { Length: > 0 } p
                ? p
                : throw new UsageException($"No passphrase: set {parse.GetValue(_passphraseEnv)}.");
            ViewSession session;
            using (KeyPair key = PrivateKeyFile.Load(parse.GetValue(recipientKey)!.FullName, passphrase, KeyType.Recipient))
            {
                session = vault.View(actor, parse.GetValue(id)!, parse.GetValue(request)!, key.PrivateKey);
            }

            using (session)
            {
                _out.WriteLine($"viewing copy of {parse.GetValue(id)} in {session.BundleDirectory} (access log entry {session.LogSequence})");
                foreach (string file in session.Files)
                {
                    _out.WriteLine("  " + file);
                }

                if (parse.GetValue(open) is string program)
                {
                    int exit = RunViewer(program, session.BundleDirectory);
                    _out.WriteLine($"{program} exited with {exit}; removing {session.Folder}");
                }
                else
                {
                    _out.WriteLine("Press Enter when you are done; the folder is then removed.");
                    _ = Console.In.ReadLine();
                }
            }

            return ExitCodes.Success;
        }));
        return view;
    }

    // Runs the viewer with the folder as its one argument (no shell) and waits for it.
    private static int RunViewer(string program, string folder)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        start.ArgumentList.Add(folder);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException("Could not start " + program + ".");
        }
        catch (Win32Exception e)
        {
            throw new UsageException($"Could not start {program}: {e.Message}. The viewing folder is removed again.");
        }

        using (process)
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
