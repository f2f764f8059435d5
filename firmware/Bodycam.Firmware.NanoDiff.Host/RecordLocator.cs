using System;
using System.Buffers.Binary;

namespace Bodycam.Firmware.NanoDiff.Host;

/// <summary>
/// Names the record that holds a byte of a recording or audit file, so a divergence reads "record 12 (segment)"
/// instead of a bare offset: recordings are a header of <c>H_LEN</c> bytes then records of type (u8), body length
/// (u32) and body (docs/recording-format.md, sections 3 and 4); the audit trail is records of body length (u16), body
/// and a 64-byte signature (docs/audit-trail.md, "File").
/// </summary>
public static class RecordLocator
{
    /// <summary>Describes where <paramref name="offset"/> lies.</summary>
    /// <param name="fileName">The file's name.</param>
    /// <param name="bytes">The file (the net10.0 run's, whose structure is the reference).</param>
    /// <param name="offset">The byte.</param>
    /// <returns>A description such as "header" or "record 3 (type 1, segment) at offset 4096".</returns>
    public static string Describe(string fileName, byte[] bytes, long offset)
    {
        if (fileName.EndsWith(".bcr", System.StringComparison.Ordinal))
        {
            if (bytes.Length < 12)
            {
                return "header";
            }

            long position = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8));
            if (offset < position)
            {
                return "header (" + position + " bytes)";
            }

            int index = 0;
            while (position + 5 <= bytes.Length)
            {
                byte type = bytes[position];
                long end = position + 5 + BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)position + 1));
                if (offset < end)
                {
                    return "record " + index + " (type " + type + ", " + Kind(type) + ") at offset " + position;
                }

                position = end;
                index++;
            }

            return "past the last whole record";
        }

        if (fileName == "audit.log")
        {
            long position = 0;
            int index = 0;
            while (position + 2 <= bytes.Length)
            {
                long end = position + 2 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)position)) + 64;
                if (offset < end)
                {
                    return "audit record " + index + " at offset " + position;
                }

                position = end;
                index++;
            }

            return "past the last whole audit record";
        }

        return "offset " + offset;
    }

    private static string Kind(byte type) => type switch
    {
        1 => "segment",
        2 => "checkpoint",
        3 => "close",
        4 => "closed by recovery",
        _ => "unknown",
    };
}
