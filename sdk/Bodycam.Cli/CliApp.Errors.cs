using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading.Tasks;

namespace Bodycam.Cli;

/// <summary>
/// The last line of <see cref="RunAsync"/>'s error handling and the checks that turn bad paths and values into usage
/// errors before a command runs. Every error is one line naming the file or field and what to do; an exception that is
/// none of the known ones is a bug, printed as one line with "please report" and exit code 70. No stack trace unless
/// the environment variable <see cref="StackTraceVariable"/> is 1.
/// </summary>
public sealed partial class CliApp
{
    /// <summary>The environment variable that, set to 1, adds the stack trace to an error (for a bug report).</summary>
    public const string StackTraceVariable = "BODYCAM_STACK_TRACE";

    /// <summary>The longest <c>--timeout</c>, in seconds.</summary>
    public const double MaxTimeoutSeconds = 3600;

    /// <summary>The shortest passphrase for a new private key file (Bodycam.Sdk's <c>PrivateKeyFile.Save</c> refuses shorter).</summary>
    public const int MinimumPassphraseLength = 8;

    /// <summary>The characters of a municipality id or dock name that names key files: 1 to 64 of a-z, A-Z, 0-9, '-',
    /// '_' and '.', not starting with '.'.</summary>
    public const string NameCharacters = "1 to 64 of a-z, A-Z, 0-9, '-', '_' and '.', not starting with '.'";

    private async Task<int> ReportAsync(Exception e)
    {
        (int code, string line) = e switch
        {
            DirectoryNotFoundException => (ExitCodes.Usage, "no such folder: " + e.Message + " Check the path."),
            UnauthorizedAccessException => (ExitCodes.FileError, "cannot open: " + e.Message + " Check that it is a file where a file is expected, and its permissions."),
            IOException => (ExitCodes.FileError, "file error: " + e.Message + " Check the path, its permissions and the free space."),
            _ => (ExitCodes.InternalError, "internal error (" + e.GetType().Name + "): " + e.Message + " Please report this with the command line"
                + (StackTraceEnabled() ? "." : "; " + StackTraceVariable + "=1 adds the stack trace.")),
        };
        await _err.WriteLineAsync("bodycam: " + line).ConfigureAwait(false);
        if (StackTraceEnabled())
        {
            await _err.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }

        return code;
    }

    private bool StackTraceEnabled() => _environment(StackTraceVariable) == "1";

    // A path that must name a file: a folder there is a usage error naming the option (a missing file is reported
    // when the command opens it, with the hint about key file names).
    private static void ExistingFile<T>(Option<T> option)
    {
        option.Validators.Add(r => RefuseFolders(r, option.Name));
    }

    private static void ExistingFiles(Argument<FileInfo[]> argument)
    {
        argument.Validators.Add(r => RefuseFolders(r, argument.Name));
    }

    private static void RefuseFolders(SymbolResult result, string name)
    {
        foreach (Token token in result.Tokens)
        {
            if (Directory.Exists(token.Value))
            {
                result.AddError(name + ": " + Path.GetFullPath(token.Value) + " is a folder; give a file.");
            }
        }
    }

    // A file the command creates: not a folder, and its folder must exist.
    private static void NewFile(Option<FileInfo> option)
    {
        option.Validators.Add(r =>
        {
            foreach (Token token in r.Tokens)
            {
                string full = Path.GetFullPath(token.Value);
                string? parent = Path.GetDirectoryName(full);
                if (Directory.Exists(full))
                {
                    r.AddError(option.Name + ": " + full + " is a folder; give the name of the file to write.");
                }
                else if (parent != null && !Directory.Exists(parent))
                {
                    r.AddError(option.Name + ": the folder " + parent + " does not exist; create it first.");
                }
            }
        });
    }

    // A folder the command creates when missing: not a file.
    private static void Folder(Option<DirectoryInfo> option)
    {
        option.Validators.Add(r =>
        {
            foreach (Token token in r.Tokens)
            {
                if (File.Exists(token.Value))
                {
                    r.AddError(option.Name + ": " + Path.GetFullPath(token.Value) + " is a file; give a folder (created when missing).");
                }
            }
        });
    }

    // A name used in file names (keys new --municipality, keys new-dock --name): no path separators or "..".
    private static void FileName(Option<string> option)
    {
        option.Validators.Add(r =>
        {
            foreach (Token token in r.Tokens)
            {
                if (!IsFileName(token.Value))
                {
                    r.AddError(option.Name + " names the key files: use " + NameCharacters + ".");
                }
            }
        });
    }

    private static bool IsFileName(string name)
    {
        if (name.Length == 0 || name.Length > 64 || name[0] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private string ReadNewPassphrase(ParseResult parse, string prompt)
    {
        string passphrase = ReadPassphrase(parse, prompt);
        if (passphrase.Length < MinimumPassphraseLength)
        {
            throw new UsageException("The passphrase for new private keys needs at least 8 characters (from " + PassphraseVariable(parse) + " or the prompt).");
        }

        return passphrase;
    }
}
