namespace Bodycam.Sdk.Tests.Recording.Testkit;

/// <summary>One record of a file: its index after the header, type, offset, whole length and segment index (-1: not a segment).</summary>
internal sealed record LayoutRecord(int Index, byte Type, int Offset, int Length, int SegmentIndex)
{
    public int End => Offset + Length;
}
