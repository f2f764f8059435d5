using System.Collections;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// The storage manager's recordings as the dock sees them: a snapshot of every recording file taken on
/// <see cref="Refresh"/> (listing scans each file, too slow for every frame), read and deleted through the store.
/// </summary>
public sealed class RecordingStoreDockRecordings : IDockRecordings
{
    private readonly RecordingStore _store;
    private string[] _names = new string[0];
    private string[] _recordingIds = new string[0];

    /// <summary>Initializes a new instance of the <see cref="RecordingStoreDockRecordings"/> class.</summary>
    /// <param name="store">The storage manager.</param>
    public RecordingStoreDockRecordings(RecordingStore store)
    {
        _store = store;
    }

    /// <inheritdoc/>
    public int Count => _names.Length;

    /// <inheritdoc/>
    public void Refresh()
    {
        RecordingInfo[] recordings = _store.ListRecordings();
        ArrayList names = new ArrayList();
        ArrayList ids = new ArrayList();
        for (int r = 0; r < recordings.Length; r++)
        {
            string[] files = recordings[r].FileNames;
            for (int f = 0; f < files.Length; f++)
            {
                names.Add(files[f]);
                ids.Add(recordings[r].RecordingId);
            }
        }

        _names = ToStrings(names);
        _recordingIds = ToStrings(ids);
    }

    /// <inheritdoc/>
    public string GetName(int index)
    {
        return _names[index];
    }

    /// <inheritdoc/>
    public string GetRecordingId(string name)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            if (_names[i] == name)
            {
                return _recordingIds[i];
            }
        }

        return string.Empty;
    }

    /// <inheritdoc/>
    public long GetLength(string name)
    {
        return _store.GetFileLength(name);
    }

    /// <inheritdoc/>
    public bool IsOpen(string name)
    {
        string open = _store.OpenRecordingId;
        return open != null && open.Length > 0 && GetRecordingId(name) == open;
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        return _store.ReadFile(name, position, buffer, offset, count);
    }

    /// <inheritdoc/>
    public void DeleteOffloaded(string name)
    {
        // The store deletes a recording whole; the dock service confirms whole recordings only, so the first file
        // of a recording deletes all of them and the rest are already gone.
        string recordingId = GetRecordingId(name);
        if (_store.ListFiles(recordingId).Length > 0)
        {
            _store.DeleteOffloaded(recordingId);
        }

        Refresh();
    }

    private static string[] ToStrings(ArrayList list)
    {
        string[] result = new string[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (string)list[i]!;
        }

        return result;
    }
}
