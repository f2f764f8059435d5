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
using Bodycam.Sdk.Hints;
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
public sealed partial class CliApp
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
        _timeout.Validators.Add(r =>
        {
            double seconds = r.GetValueOrDefault<double>();
            if (!(seconds > 0 && seconds <= MaxTimeoutSeconds))
            {
                r.AddError("--timeout is seconds to wait for each answer, more than 0 and at most 3600.");
            }
        });
        ExistingFile(_authorityKey);
        ExistingFile(_dockKey);
        ExistingFile(_certificate);
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
            ErrorHint hint = ErrorHints.ForDockError(e.Code, e.Request, e.Detail);
            await _err.WriteLineAsync($"bodycam: the device refused {e.Request}: {e.Code} (detail {e.Detail}): {hint.Meaning}").ConfigureAwait(false);
            await _err.WriteLineAsync("bodycam: hint: " + hint.Hint).ConfigureAwait(false);
            return ExitCodes.DeviceRefused;
        }
        catch (WrongPassphraseException e)
        {
            ErrorHint hint = ErrorHints.ForWrongPassphrase(PassphraseVariable(parse));
            await _err.WriteLineAsync("bodycam: " + e.Message + " " + Capitalized(hint.Meaning)).ConfigureAwait(false);
            await _err.WriteLineAsync("bodycam: hint: " + hint.Hint).ConfigureAwait(false);
            return ExitCodes.KeyError;
        }
        catch (KeyFileException e)
        {
            ErrorHint hint = ErrorHints.ForKeyFile(e.Error);
            await _err.WriteLineAsync($"bodycam: key file error ({e.Error}): {e.Message} {Capitalized(hint.Meaning)}").ConfigureAwait(false);
            await _err.WriteLineAsync("bodycam: hint: " + hint.Hint).ConfigureAwait(false);
            return ExitCodes.KeyError;
        }
        catch (FileNotFoundException e)
        {
            await _err.WriteLineAsync("bodycam: no such file: " + e.FileName).ConfigureAwait(false);
            await _err.WriteLineAsync("bodycam: hint: check the path; key files are NAME.authority.key, NAME.recipient.key/.pub and NAME.dock.key/.pub from 'bodycam keys new' or 'keys new-dock'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await ReportAsync(e).ConfigureAwait(false);
        }
    }

    private static string Capitalized(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    private string PassphraseVariable(ParseResult parse) => parse.GetValue(_passphraseEnv) ?? "BODYCAM_PASSPHRASE";

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
            + "Exit codes: 0 success, 1 a check failed, 2 usage (also a missing path, a folder for a file), 3 link failed, 4 device refused, 5 key file error, 6 the vault refused, 7 file error (permission, read-only, disk full), 70 internal error (please report; "
            + StackTraceVariable + "=1 prints the stack trace).");
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
        if (serial != null && !OperatingSystem.IsWindows() && !File.Exists(serial))
        {
            // System.IO.Ports reports a missing port as "Access denied"; say what it is.
            throw new DockConnectionException(DockConnectionFailure.Closed, "no serial port " + serial + ": is the camera connected and docked? Its port is /dev/ttyACM0 or similar ('ls /dev/ttyACM* /dev/ttyUSB*').");
        }

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
