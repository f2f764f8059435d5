namespace Bodycam.Sdk.Tests.Recording.Testkit;

/// <summary>
/// What a reader must report for a vector in one mode (verify with the device key only, or decrypt as well).
/// <paramref name="Status"/> is a <c>RecordingStatus</c> name, or <c>Rejected</c> when the header does not parse, or
/// <c>WrongKey</c> when no stanza is for the key. <paramref name="Error"/> is a <c>RecordingFormatError</c> name or
/// null; <paramref name="RecordIndex"/> and <paramref name="Offset"/> say where (-1 for none, record -1 for the header);
/// <paramref name="Segments"/> is how many segments a truncated file still holds whole (-1: not checked).
/// </summary>
internal sealed record VectorExpectation(string Status, string? Error, int RecordIndex, long Offset, int Segments = -1)
{
    public static VectorExpectation Tampered(string error, int recordIndex, long offset) => new("Tampered", error, recordIndex, offset);

    public static VectorExpectation Rejected(string error, long offset) => new("Rejected", error, -1, offset);

    public static VectorExpectation Truncated(int segments) => new("Truncated", null, -1, -1, segments);

    public static VectorExpectation WrongKey() => new("WrongKey", null, -1, -1);
}
