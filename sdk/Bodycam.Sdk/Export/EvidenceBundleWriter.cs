using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Makes an evidence bundle: a folder with the original encrypted file(s) copied byte for byte, the decrypted export,
/// a verification report (report.txt, report.json) and a SHA-256 manifest (SHA256SUMS, the format
/// <c>sha256sum -c</c> checks). docs/export.md describes the layout.
/// </summary>
/// <remarks>
/// The bundle is built in a hidden sibling folder and renamed into place at the end, so a crash or an error never
/// leaves a half bundle at the requested path. An existing folder is never overwritten.
/// </remarks>
public sealed class EvidenceBundleWriter
{
    /// <summary>Name of the manifest file.</summary>
    public const string ManifestFileName = "SHA256SUMS";

    /// <summary>Name of the Motion JPEG + PCM export.</summary>
    public const string ExportFileName = "recording.avi";

    /// <summary>Folder inside the bundle that holds the original encrypted files.</summary>
    public const string OriginalFolder = "original";

    private readonly TimeProvider _time;
    private readonly AviExporter _exporter;

    /// <summary>Creates a writer that stamps bundles with the system clock and uses the default AVI exporter.</summary>
    public EvidenceBundleWriter()
        : this(TimeProvider.System, new AviExporter())
    {
    }

    /// <summary>Creates a writer with its clock (for the report's creation time) and exporter.</summary>
    /// <param name="time">Where the report's creation time comes from.</param>
    /// <param name="exporter">The AVI exporter (its size limit applies).</param>
    public EvidenceBundleWriter(TimeProvider time, AviExporter exporter)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _exporter = exporter ?? throw new ArgumentNullException(nameof(exporter));
    }

    /// <summary>Makes the bundle folder <paramref name="bundleDirectory"/>, which must not exist.</summary>
    /// <param name="bundleDirectory">The folder to create; its parent must exist.</param>
    /// <param name="input">The originals, verified facts and frames.</param>
    /// <returns>The bundle's files and hashes.</returns>
    /// <exception cref="EvidenceBundleException">The folder exists, an original is missing, or the input is bad.</exception>
    public EvidenceBundle Create(string bundleDirectory, EvidenceInput input)
    {
        return Create(bundleDirectory, input, CancellationToken.None);
    }

    /// <summary>
    /// Makes the bundle folder <paramref name="bundleDirectory"/>, which must not exist. On Unix the bundle's folders
    /// are made 0700 and its files 0600 (owner only: the export is decrypted evidence). Cancelling deletes the staging
    /// folder and throws <see cref="OperationCanceledException"/>; nothing is left at the requested path or beside it.
    /// </summary>
    /// <param name="bundleDirectory">The folder to create; its parent must exist.</param>
    /// <param name="input">The originals, verified facts and frames.</param>
    /// <param name="cancellationToken">Cancels (checked between files and between frames).</param>
    /// <returns>The bundle's files and hashes.</returns>
    /// <exception cref="EvidenceBundleException">The folder exists, an original is missing, or the input is bad.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the staging folder was deleted.</exception>
    public EvidenceBundle Create(string bundleDirectory, EvidenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleDirectory);
        ArgumentNullException.ThrowIfNull(input);
        string target = Path.GetFullPath(bundleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Directory.Exists(target) || File.Exists(target))
        {
            throw new EvidenceBundleException(EvidenceBundleError.AlreadyExists, "The bundle folder exists already: " + target);
        }

        Validate(input);
        string parent = Path.GetDirectoryName(target)
            ?? throw new EvidenceBundleException(EvidenceBundleError.InvalidInput, "A bundle cannot be a root folder.");
        string staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".partial-" + Guid.NewGuid().ToString("N"));
        CreateOwnerOnlyDirectory(staging);
        try
        {
            EvidenceBundle bundle = Build(staging, target, input, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            RestrictToOwner(staging);
            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException e) when (Directory.Exists(target) || File.Exists(target))
            {
                throw new EvidenceBundleException(
                    EvidenceBundleError.AlreadyExists,
                    "The bundle folder appeared while the bundle was being made: " + target,
                    e);
            }

            return bundle;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Makes a bundle straight from the reader's results for each file of one recording.</summary>
    /// <param name="bundleDirectory">The folder to create; its parent must exist.</param>
    /// <param name="originalFiles">The encrypted files, first file first.</param>
    /// <param name="results">What <see cref="Recording.RecordingReader.Decrypt"/> returned for each file.</param>
    /// <param name="auditExcerpt">Verified audit lines about this recording, if any.</param>
    /// <returns>The bundle's files and hashes.</returns>
    /// <exception cref="EvidenceBundleException">See <see cref="Create(string, EvidenceInput)"/> and <see cref="EvidenceInput.FromRecording"/>.</exception>
    public EvidenceBundle Create(
        string bundleDirectory,
        IReadOnlyList<string> originalFiles,
        IReadOnlyList<Recording.RecordingResult> results,
        IReadOnlyList<string>? auditExcerpt = null)
    {
        return Create(bundleDirectory, EvidenceInput.FromRecording(originalFiles, results, auditExcerpt));
    }

    private static void Validate(EvidenceInput input)
    {
        if (input.OriginalFiles is null || input.OriginalFiles.Count == 0)
        {
            throw new EvidenceBundleException(EvidenceBundleError.InvalidInput, "At least one original file is needed.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in input.OriginalFiles)
        {
            if (!File.Exists(path))
            {
                throw new EvidenceBundleException(EvidenceBundleError.OriginalMissing, "The original file does not exist: " + path);
            }

            if (!names.Add(Path.GetFileName(path)))
            {
                throw new EvidenceBundleException(
                    EvidenceBundleError.DuplicateOriginalName,
                    "Two original files are named " + Path.GetFileName(path) + ".");
            }
        }

        if (input.DevicePublicKey.Length != 32)
        {
            throw new EvidenceBundleException(EvidenceBundleError.InvalidInput, "The device public key must be 32 bytes.");
        }

        if (string.IsNullOrWhiteSpace(input.DeviceId) || string.IsNullOrWhiteSpace(input.RecordingId))
        {
            throw new EvidenceBundleException(EvidenceBundleError.InvalidInput, "The device and recording ids are needed.");
        }

        if (input.Streams is null || input.Frames is null)
        {
            throw new EvidenceBundleException(EvidenceBundleError.InvalidInput, "The streams and frames are needed.");
        }
    }

    // Owner-only on Unix (0700): the staging folder holds decrypted media from its first byte on.
    private static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Every folder 0700 and every file 0600, whatever the process's umask made them.
    private static void RestrictToOwner(string staging)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (string directory in Directory.GetDirectories(staging, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (string file in Directory.GetFiles(staging, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static IEnumerable<MediaFrame> Cancellable(IEnumerable<MediaFrame> frames, CancellationToken cancellationToken)
    {
        foreach (MediaFrame frame in frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return frame;
        }
    }

    private EvidenceBundle Build(string staging, string target, EvidenceInput input, CancellationToken cancellationToken)
    {
        var files = new List<EvidenceFile>();

        CreateOwnerOnlyDirectory(Path.Combine(staging, OriginalFolder));
        foreach (string original in input.OriginalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(CopyOriginal(original, staging, OriginalFolder + "/" + Path.GetFileName(original)));
        }

        AviExportResult? export = null;
        string? note = null;
        bool hasVideo = input.Frames.Any(f => f.Kind == MediaKind.Video);
        if (input.Streams.VideoCodec == VideoCodec.Mjpeg && hasVideo)
        {
            string avi = Path.Combine(staging, ExportFileName);
            try
            {
                export = _exporter.ExportToFile(avi, input.Streams, Cancellable(input.Frames, cancellationToken));
            }
            catch (ExportException e)
            {
                // The bundle must still carry the evidence: keep the streams raw and say why in the report.
                note = "No AVI export (" + e.Reason + "): " + e.Message;
            }
        }
        else
        {
            note = hasVideo
                ? "No AVI export: the video is " + input.Streams.VideoCodec + ", kept as its raw stream."
                : "No AVI export: the recording has no video.";
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (export is null)
        {
            RawStreamWriter.Write(staging, input.Streams, input.Frames);
        }

        foreach (string path in Directory.GetFiles(staging, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(staging, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(OriginalFolder + "/", StringComparison.Ordinal))
            {
                files.Add(HashFile(path, relative));
            }
        }

        var report = new EvidenceReport(input, files, export, note, _time.GetUtcNow(), ReaderVersion());
        WriteText(staging, "report.txt", report.ToText());
        WriteText(staging, "report.json", report.ToJson());
        files.Add(HashFile(Path.Combine(staging, "report.txt"), "report.txt"));
        files.Add(HashFile(Path.Combine(staging, "report.json"), "report.json"));

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var manifest = new StringBuilder();
        foreach (EvidenceFile file in files)
        {
            // sha256sum text format: hash, two spaces, path (GNU coreutils).
            manifest.Append(file.Sha256).Append("  ").Append(file.RelativePath).Append('\n');
        }

        WriteText(staging, ManifestFileName, manifest.ToString());
        return new EvidenceBundle(target, files, export, note);
    }

    private static EvidenceFile CopyOriginal(string source, string staging, string relative)
    {
        string destination = Path.Combine(staging, relative.Replace('/', Path.DirectorySeparatorChar));
        byte[] sourceHash;
        long length;
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                output.Write(buffer, 0, n);
            }

            output.Flush(flushToDisk: true);
            sourceHash = hash.GetHashAndReset();
            length = output.Length;
        }

        // Read the copy back: the manifest must describe what is on disk, and it must equal what was read.
        EvidenceFile copy = HashFile(destination, relative);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(copy.Sha256), sourceHash) || copy.Length != length)
        {
            throw new EvidenceBundleException(EvidenceBundleError.CopyMismatch, "The copy of " + source + " differs from the original.");
        }

        return copy;
    }

    private static EvidenceFile HashFile(string path, string relative)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        byte[] hash = SHA256.HashData(stream);
        return new EvidenceFile(relative, stream.Length, Convert.ToHexStringLower(hash));
    }

    private static void WriteText(string staging, string name, string text)
    {
        using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    private static string ReaderVersion()
    {
        System.Reflection.Assembly assembly = typeof(EvidenceBundleWriter).Assembly;
        string? informational = assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        return "Bodycam.Sdk " + (informational ?? assembly.GetName().Version?.ToString() ?? "unknown");
    }
}
