namespace Bodycam.Sdk.Export;

/// <summary>
/// One entry of an OpenDML super index ('indx', AVI_INDEX_OF_INDEXES, OpenDML AVI File Format Extensions 1.02):
/// where a standard index chunk ('ix##') is, its size with header, and how many stream ticks it covers.
/// </summary>
internal readonly record struct AviSuperIndexEntry(long Offset, uint Size, uint Duration);
