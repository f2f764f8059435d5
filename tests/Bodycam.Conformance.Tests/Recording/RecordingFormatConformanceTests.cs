using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Xunit;
using FirmwareField = Bodycam.Firmware.Recording.HeaderField;
using FirmwareFormat = Bodycam.Firmware.Recording.RecordingFormat;
using FirmwareLayout = Bodycam.Firmware.Recording.RecordingHeaderLayout;
using SdkField = Bodycam.Sdk.Recording.HeaderField;
using SdkFormat = Bodycam.Sdk.Recording.RecordingConstants;
using SdkLayout = Bodycam.Sdk.Recording.RecordingHeaderLayout;

namespace Bodycam.Conformance.Tests.Recording;

public class RecordingFormatConformanceTests
{
    private const string Spec = "recording-format.md";

    // Constants both sides must define (the wire facts); each side may have more (file names, labels as text).
    private static readonly string[] s_sharedConstants =
    {
        "Version", "PreambleSize", "HeaderFixedPrefixSize", "HeaderFixedSuffixSize", "StanzaSize", "MaxRecipients",
        "MaxDeviceIdLength", "RecordHeaderSize", "SegmentOverhead", "FrameHeaderSize", "CheckpointBodySize",
        "CloseBodySize", "RecoveryBodySize", "RecordSegment", "RecordCheckpoint", "RecordClose", "RecordRecoveryClose",
        "StanzaX25519", "FrameMarker", "HashSize", "SignatureSize", "KeySize", "TagSize", "NonceSize",
    };

    public static TheoryData<string> SharedConstants()
    {
        var data = new TheoryData<string>();
        foreach (string name in s_sharedConstants)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharedConstants))]
    public void Constant_FirmwareAndSdk_AreEqual(string name)
    {
        Assert.Equal(Constant(typeof(FirmwareFormat), name), Constant(typeof(SdkFormat), name));
    }

    [Fact]
    public void HeaderLayout_FirmwareAndSdk_AreTheSame()
    {
        Assert.Equal(Firmware(FirmwareLayout.GetPrefixFields()), Sdk(SdkLayout.PrefixFields));
        Assert.Equal(Firmware(FirmwareLayout.GetSuffixFields()), Sdk(SdkLayout.SuffixFields));
        Assert.Equal(Firmware(FirmwareLayout.GetStanzaFields()), Sdk(SdkLayout.StanzaFields));
    }

    [Fact]
    public void HeaderLayout_Firmware_MatchesTheSpecsHeaderAndStanzaTables()
    {
        Assert.Equal(SpecHeader(), Firmware(FirmwareLayout.GetPrefixFields()).Concat(Firmware(FirmwareLayout.GetSuffixFields())).ToList());
        Assert.Equal(SpecStanza(), Firmware(FirmwareLayout.GetStanzaFields()));
    }

    [Fact]
    public void HeaderLayout_Sdk_MatchesTheSpecsHeaderAndStanzaTables()
    {
        Assert.Equal(SpecHeader(), Sdk(SdkLayout.PrefixFields).Concat(Sdk(SdkLayout.SuffixFields)).ToList());
        Assert.Equal(SpecStanza(), Sdk(SdkLayout.StanzaFields));
    }

    [Fact]
    public void HeaderLayout_EachPart_IsContiguousAndEndsAtItsFixedSize()
    {
        AssertContiguous(Firmware(FirmwareLayout.GetPrefixFields()), 0, FirmwareFormat.HeaderFixedPrefixSize);
        AssertContiguous(Firmware(FirmwareLayout.GetSuffixFields()), 0, FirmwareFormat.HeaderFixedSuffixSize);
        AssertContiguous(Firmware(FirmwareLayout.GetStanzaFields()), 0, FirmwareFormat.StanzaSize);
        AssertContiguous(Sdk(SdkLayout.PrefixFields), 0, SdkFormat.HeaderFixedPrefixSize);
        AssertContiguous(Sdk(SdkLayout.SuffixFields), 0, SdkFormat.HeaderFixedSuffixSize);
        AssertContiguous(Sdk(SdkLayout.StanzaFields), 0, SdkFormat.StanzaSize);
    }

    [Fact]
    public void Limits_DeviceIdAndRecipients_MatchTheSpecsHeaderTable()
    {
        // "`n`, device id length, 1 to 64" and "number of recipient stanzas `R`, 1 to 16".
        var rows = SpecTable.Read(Spec, "## 3. Header", "offset", "size", "name", "field");
        int deviceIdLimit = UpperBound(rows.Single(r => r[2] == "device-id-length")[3]);
        int recipientLimit = UpperBound(rows.Single(r => r[2] == "recipient-count")[3]);

        // Both sides' constants are equal by Constant_FirmwareAndSdk_AreEqual; these pin them to the spec.
        Assert.True(deviceIdLimit == FirmwareFormat.MaxDeviceIdLength, $"spec {deviceIdLimit}, code {FirmwareFormat.MaxDeviceIdLength}");
        Assert.True(recipientLimit == SdkFormat.MaxRecipients, $"spec {recipientLimit}, code {SdkFormat.MaxRecipients}");
    }

    private static int UpperBound(string field)
    {
        const string marker = ", 1 to ";
        int at = field.LastIndexOf(marker, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{field}' gives no range");
        return int.Parse(field[(at + marker.Length)..], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void AssertContiguous(List<(string Name, int Offset, int Length)> fields, int start, int end)
    {
        int at = start;
        foreach ((string name, int offset, int length) in fields)
        {
            Assert.True(offset == at, $"{name} starts at {offset}; the field before it ends at {at}");
            at = offset + length;
        }

        // The last field of the prefix and the suffix is variable (length 0): it starts where the fixed part ends.
        Assert.Equal(end, fields[^1].Length == 0 ? fields[^1].Offset : at);
    }

    private static object Constant(System.Type type, string name)
    {
        FieldInfo? field = type.GetField(name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is not null && field.IsLiteral, $"{type.FullName} has no public constant {name}");
        return System.Convert.ToInt64(field!.GetValue(null), CultureInfo.InvariantCulture);
    }

    private static List<(string Name, int Offset, int Length)> Firmware(IEnumerable<FirmwareField> fields)
    {
        return fields.Select(f => (f.Name, f.Offset, f.Length)).ToList();
    }

    private static List<(string Name, int Offset, int Length)> Sdk(IEnumerable<SdkField> fields)
    {
        return fields.Select(f => (f.Name, f.Offset, f.Length)).ToList();
    }

    // Offsets are "N" (from the file start) or "p + N" (from the end of the device id); a size that is not a number
    // ("n", "113 R") is a variable field, length 0, as in the layouts.
    private static List<(string Name, int Offset, int Length)> SpecHeader()
    {
        return SpecTable.Read(Spec, "## 3. Header", "offset", "size", "name", "field")
            .Select(r => (r[2], Offset(r[0]), Size(r[1])))
            .ToList();
    }

    private static List<(string Name, int Offset, int Length)> SpecStanza()
    {
        return SpecTable.Read(Spec, "### 3.1 Recipient stanza", "offset in stanza", "size", "name", "field")
            .Select(r => (r[2], Offset(r[0]), Size(r[1])))
            .ToList();
    }

    private static int Offset(string text)
    {
        string number = text.StartsWith("p + ", System.StringComparison.Ordinal) ? text[4..] : text;
        return int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static int Size(string text)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) ? size : 0;
    }
}
