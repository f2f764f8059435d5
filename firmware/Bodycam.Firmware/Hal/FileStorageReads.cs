namespace Bodycam.Firmware.Hal;

/// <summary>Reads over <see cref="IFileStorage"/> that every reader of the card and of internal storage needs.</summary>
public static class FileStorageReads
{
    /// <summary>
    /// Reads until <paramref name="count"/> bytes are in or the file ends (a storage may return fewer bytes per call
    /// than asked).
    /// </summary>
    /// <param name="storage">The storage.</param>
    /// <param name="name">The file name.</param>
    /// <param name="position">Where to start in the file.</param>
    /// <param name="buffer">Receives the bytes.</param>
    /// <param name="offset">Where they go in <paramref name="buffer"/>.</param>
    /// <param name="count">How many bytes are wanted.</param>
    /// <returns>The bytes read: fewer than <paramref name="count"/> only at the end of the file.</returns>
    public static int ReadFully(IFileStorage storage, string name, long position, byte[] buffer, int offset, int count)
    {
        int done = 0;
        while (done < count)
        {
            int n = storage.Read(name, position + done, buffer, offset + done, count - done);
            if (n <= 0)
            {
                break;
            }

            done += n;
        }

        return done;
    }
}
