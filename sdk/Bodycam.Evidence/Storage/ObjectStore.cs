using System;
using System.Collections.Generic;
using System.IO;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The content-addressed folder of encrypted originals: each file is stored unchanged under
/// <c>objects/ab/abcdef…</c>, named by the lowercase hex SHA-256 of its bytes. A file is written to
/// <c>tmp/</c>, flushed to disk, then renamed into place, so an object is either whole or absent.
/// </summary>
public sealed class ObjectStore
{
    // The unit of a temporary file's write and of its early write-back.
    private const int WriteBlock = 4 << 20;

    /// <summary>Initializes a new instance of the <see cref="ObjectStore"/> class.</summary>
    /// <param name="root">The vault folder (objects/ and tmp/ are made inside it).</param>
    public ObjectStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(ObjectsFolder);
        Directory.CreateDirectory(TemporaryFolder);
    }

    /// <summary>Gets the vault folder.</summary>
    public string Root { get; }

    private string ObjectsFolder => Path.Combine(Root, "objects");

    private string TemporaryFolder => Path.Combine(Root, "tmp");

    /// <summary>The path of an object.</summary>
    /// <param name="sha256">The lowercase hex SHA-256.</param>
    /// <returns>The path.</returns>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !IsLowerHex(sha256))
        {
            throw new ArgumentException("An object name is 64 lowercase hex digits.", nameof(sha256));
        }

        return Path.Combine(ObjectsFolder, sha256[..2], sha256);
    }

    /// <summary>Whether an object exists.</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when it exists.</returns>
    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Its length, or -1 when it does not exist.</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>The length.</returns>
    public long LengthOf(string sha256)
    {
        var info = new FileInfo(PathOf(sha256));
        return info.Exists ? info.Length : -1;
    }

    /// <summary>The temporary file an intake owned by <paramref name="owner"/> writes an object through.</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>The temporary path.</returns>
    public string TemporaryPathOf(string owner, string sha256) => Path.Combine(TemporaryFolder, owner + "-" + sha256);

    /// <summary>Writes the object's bytes to its temporary file and flushes them to disk (step 1 of a put).</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The bytes' hash.</param>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The temporary path.</returns>
    public string WriteTemporary(string owner, string sha256, ReadOnlySpan<byte> bytes)
    {
        string temporary = TemporaryPathOf(owner, sha256);

        // Unbuffered, in blocks: each block goes from the caller's buffer to the page cache and its write-back to the
        // disk starts at once, so the disk runs beside the next block and beside verification; one fsync at the end.
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (int offset = 0; offset < bytes.Length; offset += WriteBlock)
        {
            int count = Math.Min(WriteBlock, bytes.Length - offset);
            stream.Write(bytes.Slice(offset, count));
            WriteBack.Start(stream.SafeFileHandle, offset, count);
        }

        stream.Flush(flushToDisk: true);
        return temporary;
    }

    /// <summary>Renames a flushed temporary file into place (step 2 of a put). An existing object is kept.</summary>
    /// <param name="temporary">The temporary file.</param>
    /// <param name="sha256">The object's hash.</param>
    public void Commit(string temporary, string sha256)
    {
        string target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temporary);
            return;
        }

        File.Move(temporary, target, overwrite: false);
    }

    /// <summary>Deletes an object; a missing one is not an error (a sweep may be repeated after a crash).</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when a file was deleted.</returns>
    public bool Delete(string sha256)
    {
        string path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Deletes a temporary file if it exists.</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The object's hash.</param>
    public void DeleteTemporary(string owner, string sha256)
    {
        string path = TemporaryPathOf(owner, sha256);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Lists every object's hash.</summary>
    /// <returns>The hashes, in no particular order; names that are not object names are returned as found.</returns>
    public IEnumerable<string> Enumerate()
    {
        foreach (string path in Directory.EnumerateFiles(ObjectsFolder, "*", SearchOption.AllDirectories))
        {
            yield return Path.GetFileName(path);
        }
    }

    /// <summary>Lists the temporary files (name = owner-sha256).</summary>
    /// <returns>The file names.</returns>
    public IEnumerable<string> EnumerateTemporary()
    {
        foreach (string path in Directory.EnumerateFiles(TemporaryFolder))
        {
            yield return Path.GetFileName(path);
        }
    }

    private static bool IsLowerHex(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
