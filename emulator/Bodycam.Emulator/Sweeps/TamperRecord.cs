namespace Bodycam.Emulator.Sweeps;

/// <summary>Where one record of a corpus file lies: its type, first byte and length with its 5-byte record header.</summary>
internal readonly record struct TamperRecord(byte Type, int Offset, int Length)
{
    public int End => Offset + Length;
}
