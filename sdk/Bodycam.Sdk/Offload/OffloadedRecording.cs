using System.Collections.Generic;

namespace Bodycam.Sdk.Offload;

/// <summary>The outcome of one recording of an offload.</summary>
/// <param name="RecordingId">The recording.</param>
/// <param name="Files">Its files on the host.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Detail">Verification or refusal detail.</param>
public sealed record OffloadedRecording(string RecordingId, IReadOnlyList<string> Files, long Bytes, OffloadStatus Status, string Detail);
