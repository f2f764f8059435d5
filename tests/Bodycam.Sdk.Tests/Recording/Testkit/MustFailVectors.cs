using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bodycam.Sdk.Tests.Recording.Testkit;

/// <summary>
/// The must-fail testkit, in the style of age's testkit: from the must-pass vectors (complete.bin, recovered.bin,
/// multi-recipient.bin) it derives files that a reader must refuse or report as not complete, one or more per tamper
/// class, each with the exact outcome expected. The expectations follow docs/recording-format.md §6 ("Verification")
/// and §9 ("What each construction stops") from the file layout alone, never from the reader under test.
/// </summary>
internal static class MustFailVectors
{
    /// <summary>The folder of the must-fail vectors, under tests/vectors/recording.</summary>
    public const string Folder = "must-fail";

    public static readonly string[] TamperClasses =
    [
        "header-byte-flip",
        "segment-byte-flip",
        "signature-byte-flip",
        "segments-reordered",
        "segment-duplicated",
        "spliced",
        "wrong-key",
        "truncated-at-record-boundary",
        "truncated-inside-record",
        "truncated-inside-header",
        "header-field-range",
        "checkpoint-misplaced",
        "open-record",
    ];

    public static List<MustFailVector> Generate(string recordingVectors)
    {
        byte[] complete = File.ReadAllBytes(Path.Combine(recordingVectors, "complete.bin"));
        byte[] recovered = File.ReadAllBytes(Path.Combine(recordingVectors, "recovered.bin"));
        JsonNode completeDoc = JsonNode.Parse(File.ReadAllText(Path.Combine(recordingVectors, "complete.json")))!;
        JsonNode otherDoc = JsonNode.Parse(File.ReadAllText(Path.Combine(recordingVectors, "multi-recipient.json")))!;
        string device = (string)completeDoc["devicePublicKey"]!;
        string recipient = (string)completeDoc["recipientPrivateKeys"]![0]!;
        string otherDevice = (string)otherDoc["devicePublicKey"]!;
        string otherRecipient = (string)otherDoc["recipientPrivateKeys"]![0]!;

        RecordingLayout layout = RecordingLayout.Of(complete);
        // Format version 2: the open record comes first; r holds the records after it.
        LayoutRecord[] all = [.. layout.Records];
        Require(all.Length == 6 && all[0].Type == 5, "complete.bin: the open record first, then five records");
        LayoutRecord open = all[0];
        LayoutRecord[] r = all[1..];
        Require(r.Length == 5 && r[0].SegmentIndex == 0 && r[1].SegmentIndex == 1 && r[2].Type == 2 && r[3].SegmentIndex == 2 && r[4].Type == 3, "complete.bin: seg 0, seg 1, checkpoint, seg 2 (last), close");
        RecordingLayout recoveredLayout = RecordingLayout.Of(recovered);
        LayoutRecord foreign = recoveredLayout.Records[2];
        Require(foreign.SegmentIndex == 1 && foreign.Length == r[1].Length && recoveredLayout.HeaderLength == layout.HeaderLength, "recovered.bin: its segment 1 has the length of complete.bin's");

        // Without a key a change to a segment is seen at the next signed record, the checkpoint; a change to the header
        // at the open record, which carries the header hash (with a key too: it is checked before any segment).
        LayoutRecord checkpoint = r[2];
        VectorExpectation chainAtCheckpoint = VectorExpectation.Tampered("ChainMismatch", checkpoint.Index, checkpoint.Offset);
        VectorExpectation chainAtOpen = VectorExpectation.Tampered("ChainMismatch", open.Index, open.Offset);
        var vectors = new List<MustFailVector>();

        void Add(string name, string tamper, string description, byte[] file, VectorExpectation verify, VectorExpectation decrypt, string? deviceKey = null, string? recipientKey = null)
        {
            vectors.Add(new MustFailVector(name, tamper, description, "complete", file, deviceKey ?? device, recipientKey ?? recipient, verify, decrypt));
        }

        // Header byte flips (§3): the magic and version are refused before anything else; any other header byte
        // changes the header hash, which is the chain's first link and the payload key's salt.
        VectorExpectation badMagic = VectorExpectation.Rejected("BadMagic", 0);
        Add("header-flip-magic", "header-byte-flip", "byte 0 (magic) xor 0x01", Flip(complete, 0), badMagic, badMagic);
        VectorExpectation badVersion = VectorExpectation.Rejected("UnsupportedVersion", 6);
        Add("header-flip-version", "header-byte-flip", "byte 7 (format version, low byte) xor 0x01", Flip(complete, 7), badVersion, badVersion);
        Add(
            "header-flip-recording-id",
            "header-byte-flip",
            "byte 12 (first byte of the recording id) xor 0x01: the header hash changes, so the payload key and the chain's first link do",
            Flip(complete, 12),
            chainAtOpen,
            chainAtOpen);
        int stanza = layout.StanzaOffset(1, 0);
        Add(
            "header-flip-stanza",
            "header-byte-flip",
            "a byte of the sealed content key in the recipient stanza (stanza offset + 70) xor 0x01",
            Flip(complete, stanza + 70),
            chainAtOpen,
            VectorExpectation.Tampered("RecipientStanzaInvalid", -1, stanza));

        // A segment's ciphertext (§4.1): the GCM tag fails with a key; without one, the checkpoint's chain.
        Add(
            "segment-flip-ciphertext",
            "segment-byte-flip",
            "segment 1: the 11th ciphertext byte (record offset + 5 + 5 + 10) xor 0x01",
            Flip(complete, r[1].Offset + 20),
            chainAtCheckpoint,
            VectorExpectation.Tampered("AuthenticationFailed", r[1].Index, r[1].Offset));
        VectorExpectation badFlags = VectorExpectation.Tampered("BadSegmentFlags", r[1].Index, r[1].Offset + 9);
        Add("segment-flip-flags", "segment-byte-flip", "segment 1: flags byte (record offset + 9) xor 0x02, an unknown bit", Flip(complete, r[1].Offset + 9, 0x02), badFlags, badFlags);

        // Signatures (§4.3): the checkpoint's and the close's last byte.
        VectorExpectation badCheckpoint = VectorExpectation.Tampered("SignatureInvalid", checkpoint.Index, checkpoint.Offset);
        Add("checkpoint-flip-signature", "signature-byte-flip", "the checkpoint's last signature byte xor 0x01", Flip(complete, checkpoint.End - 1), badCheckpoint, badCheckpoint);
        VectorExpectation badClose = VectorExpectation.Tampered("SignatureInvalid", r[4].Index, r[4].Offset);
        Add("close-flip-signature", "signature-byte-flip", "the close record's last signature byte xor 0x01", Flip(complete, r[4].End - 1), badClose, badClose);

        // Reordered and duplicated segments (§4.1 index, STREAM nonce): the index is checked before anything else.
        VectorExpectation reordered = VectorExpectation.Tampered("SegmentOutOfOrder", r[0].Index, r[0].Offset);
        Add("segments-swapped", "segments-reordered", "segments 0 and 1 swapped", Join(complete[..r[0].Offset], Slice(complete, r[1]), Slice(complete, r[0]), complete[r[2].Offset..]), reordered, reordered);
        VectorExpectation duplicated = VectorExpectation.Tampered("SegmentOutOfOrder", r[1].Index, r[1].Offset);
        Add("segment-0-twice", "segment-duplicated", "segment 0 written twice", Join(complete[..r[1].Offset], Slice(complete, r[0]), complete[r[1].Offset..]), duplicated, duplicated);

        // Splices (§9): a segment of another recording (same index and length) in place of this one's, and a second
        // file appended after the close.
        Add(
            "splice-foreign-segment",
            "spliced",
            "segment 1 replaced by segment 1 of recovered.bin (another device and recording, same index and length)",
            Join(complete[..r[1].Offset], Slice(recovered, foreign), complete[r[2].Offset..]),
            chainAtCheckpoint,
            VectorExpectation.Tampered("AuthenticationFailed", r[1].Index, r[1].Offset));
        VectorExpectation trailing = VectorExpectation.Tampered("TrailingData", all.Length, complete.Length);
        Add("splice-files-appended", "spliced", "recovered.bin appended after complete.bin's close", Join(complete, recovered), trailing, trailing);

        // Wrong keys (§6 steps 1 and 2): another device's key, another recipient's key.
        Add(
            "wrong-device-key",
            "wrong-key",
            "complete.bin unchanged, checked against the device key of multi-recipient.bin",
            (byte[])complete.Clone(),
            VectorExpectation.Tampered("DeviceKeyMismatch", -1, 28),
            VectorExpectation.Tampered("DeviceKeyMismatch", -1, 28),
            deviceKey: otherDevice);
        Add(
            "wrong-recipient-key",
            "wrong-key",
            "complete.bin unchanged, decrypted with the first recipient key of multi-recipient.bin",
            (byte[])complete.Clone(),
            new VectorExpectation("Complete", null, -1, -1),
            VectorExpectation.WrongKey(),
            recipientKey: otherRecipient);

        // Truncation at every record boundary (§6: truncated, never complete), inside records and inside the header.
        foreach (LayoutRecord cut in all)
        {
            int segments = r.Count(x => x.Type == 1 && x.End <= cut.Offset);
            VectorExpectation truncated = VectorExpectation.Truncated(segments);
            Add("truncated-before-record-" + cut.Index, "truncated-at-record-boundary", "cut at byte " + cut.Offset + ", before record " + cut.Index, complete[..cut.Offset], truncated, truncated);
        }

        foreach (LayoutRecord inside in new[] { r[1], r[4] })
        {
            int at = inside.Offset + (inside.Length / 2);
            int segments = r.Count(x => x.Type == 1 && x.End <= at);
            VectorExpectation truncated = VectorExpectation.Truncated(segments);
            Add("truncated-inside-record-" + inside.Index, "truncated-inside-record", "cut at byte " + at + ", inside record " + inside.Index, complete[..at], truncated, truncated);
        }

        foreach (int at in new[] { 0, 6, 100, layout.HeaderLength - 1 })
        {
            // A file shorter than the 12-byte preamble cannot say how long its header is: the offset is 0.
            VectorExpectation cutHeader = VectorExpectation.Rejected("TruncatedHeader", at < 12 ? 0 : at);
            Add("truncated-header-at-" + at, "truncated-inside-header", "cut at byte " + at + ", inside the " + layout.HeaderLength + "-byte header", complete[..at], cutHeader, cutHeader);
        }

        // Checkpoint placement (§4.3): the header's interval K changed from 2 to 3 would make the checkpoint after
        // segment 1 misplaced; in format version 2 the changed header hash is caught first, at the open record, in both
        // modes (a misplaced but validly signed checkpoint needs the device key to build; not in this set yet).
        byte[] misplaced = (byte[])complete.Clone();
        int kAt = 61 + complete[60] + 72;
        Require(misplaced[kAt] == 0 && misplaced[kAt + 1] == 2, "complete.bin has checkpoint-interval 2");
        misplaced[kAt + 1] = 3;
        Add(
            "checkpoint-misplaced-interval-3",
            "checkpoint-misplaced",
            "checkpoint-interval (p + 72) changed from 2 to 3: the header hash no longer matches the open record's",
            misplaced,
            chainAtOpen,
            chainAtOpen);

        // The open record (§4.4, format version 2): the device's signed commitment to the header, first after it.
        // Without it (a file written where the device key is absent, or stripped), twice, or with a bad signature, the
        // file is not device-signed.
        VectorExpectation missing = VectorExpectation.Tampered("OpenRecordMissing", 0, open.Offset);
        Add("open-record-removed", "open-record", "the open record cut out: the first record after the header is segment 0", Join(complete[..open.Offset], complete[open.End..]), missing, missing);
        VectorExpectation misplaced2 = VectorExpectation.Tampered("OpenRecordMisplaced", 1, open.End);
        Add("open-record-twice", "open-record", "the open record written twice before segment 0", Join(complete[..open.End], Slice(complete, open), complete[open.End..]), misplaced2, misplaced2);
        VectorExpectation badOpen = VectorExpectation.Tampered("SignatureInvalid", open.Index, open.Offset);
        Add("open-record-flip-signature", "open-record", "the open record's last signature byte xor 0x01", Flip(complete, open.End - 1), badOpen, badOpen);

        AddFieldRanges(vectors, complete, device, recipient, File.ReadAllBytes(Path.Combine(recordingVectors, "multi-recipient.bin")), otherDevice, otherRecipient);
        return vectors;
    }

    // Header fields out of their ranges (docs/recording-format.md, "3.3 Field ranges"): the reader refuses the header
    // with MalformedHeader at the field's offset, in both modes, before it looks at any record.
    private static void AddFieldRanges(List<MustFailVector> vectors, byte[] complete, string device, string recipient, byte[] multi, string multiDevice, string multiRecipient)
    {
        int p = 61 + complete[60];

        void Field(string name, string description, int offset, params byte[] value)
        {
            byte[] file = (byte[])complete.Clone();
            value.CopyTo(file, p + offset);
            VectorExpectation refused = VectorExpectation.Rejected("MalformedHeader", p + offset);
            vectors.Add(new MustFailVector("header-range-" + name, "header-field-range", description, "complete", file, device, recipient, refused, refused));
        }

        Field("start-monotonic-negative", "start-monotonic (p + 0) = -1", 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        Field("start-utc-year-10000", "start-utc (p + 8) = 253402300800000, 10000-01-01T00:00:00Z", 8, 0x00, 0x00, 0xE6, 0x77, 0xD2, 0x1F, 0xDC, 0x00);
        Field("flags-bit-1", "flags (p + 16) = 0x03: an unknown bit", 16, 0x03);
        Field("continuation-1000", "continuation-index (p + 17) = 1000: a recording has at most 1000 files", 17, 0x03, 0xE8);
        Field("first-file-previous-chain-nonzero", "previous-chain-hash (p + 19) not all zero in file 0", 19, 0x01);
        Field("video-codec-0", "video-codec (p + 51) = 0", 51, 0x00);
        Field("width-0", "width (p + 52) = 0", 52, 0x00, 0x00);
        Field("frames-per-second-0", "frames-per-second (p + 56) = 0", 56, 0x00, 0x00);
        Field("audio-rate-999", "audio-sample-rate (p + 58) = 999", 58, 0x00, 0x00, 0x03, 0xE7);
        Field("audio-format-2", "audio-format (p + 62) = 2: not defined", 62, 0x02);
        Field("audio-format-none-with-rate", "audio-format (p + 62) = 0 (none) with audio-sample-rate 8000", 62, 0x00);
        Field("audio-channels-2", "audio-channels (p + 63) = 2: only mono is defined", 63, 0x02);
        Field("segment-max-ms-0", "segment-max-ms (p + 64) = 0", 64, 0x00, 0x00, 0x00, 0x00);
        Field("segment-max-bytes-0", "segment-max-bytes (p + 68) = 0: a segment could not hold one entry", 68, 0x00, 0x00, 0x00, 0x00);
        Field("segment-max-bytes-13", "segment-max-bytes (p + 68) = 13, one less than an entry header", 68, 0x00, 0x00, 0x00, 0x0D);
        Field("segment-max-bytes-16MiB-plus-1", "segment-max-bytes (p + 68) = 16777217", 68, 0x01, 0x00, 0x00, 0x01);
        Field("checkpoint-interval-0", "checkpoint-interval (p + 72) = 0", 72, 0x00, 0x00);
        Field("file-max-bytes-0", "file-max-bytes (p + 74) = 0", 74, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
        Field("file-max-ms-0", "file-max-ms (p + 82) = 0", 82, 0x00, 0x00, 0x00, 0x00);

        // A continuation file (index 1) whose previous-chain-hash is all zero.
        byte[] continuation = (byte[])complete.Clone();
        continuation[p + 18] = 0x01;
        VectorExpectation zeroChain = VectorExpectation.Rejected("MalformedHeader", p + 19);
        vectors.Add(new MustFailVector("header-range-continuation-previous-chain-zero", "header-field-range", "continuation-index (p + 17) = 1 with an all-zero previous-chain-hash", "complete", continuation, device, recipient, zeroChain, zeroChain));

        // Two stanzas for the same recipient key: stanza 2's recipient key replaced by stanza 1's.
        int mp = 61 + multi[60];
        int stanzas = mp + 87;
        byte[] twice = (byte[])multi.Clone();
        Array.Copy(multi, stanzas + 1, twice, stanzas + 113 + 1, 32);
        VectorExpectation duplicate = VectorExpectation.Rejected("MalformedHeader", stanzas + 113);
        vectors.Add(new MustFailVector("header-range-stanza-twice", "header-field-range", "multi-recipient.bin with stanza 2's recipient key replaced by stanza 1's", "multi-recipient", twice, multiDevice, multiRecipient, duplicate, duplicate));
    }

    /// <summary>The sidecar file of a vector, as written next to it (NAME.json).</summary>
    public static string Sidecar(MustFailVector v)
    {
        var doc = new JsonObject
        {
            ["vector"] = v.Name + ".bin",
            ["tamperClass"] = v.TamperClass,
            ["description"] = v.Description,
            ["base"] = v.BaseVector + ".bin",
            ["devicePublicKey"] = v.DevicePublicKey,
            ["recipientPrivateKey"] = v.RecipientPrivateKey,
            ["verify"] = Describe(v.Verify),
            ["decrypt"] = Describe(v.Decrypt),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>Reads an expectation back from a sidecar's "verify" or "decrypt" object.</summary>
    public static VectorExpectation Expectation(JsonNode node)
    {
        return new VectorExpectation(
            (string)node["status"]!,
            (string?)node["error"],
            (int)node["recordIndex"]!,
            (long)node["offset"]!,
            node["segments"] is JsonNode s ? (int)s : -1);
    }

    private static JsonObject Describe(VectorExpectation e)
    {
        var o = new JsonObject
        {
            ["status"] = e.Status,
            ["error"] = e.Error,
            ["recordIndex"] = e.RecordIndex,
            ["offset"] = e.Offset,
        };
        if (e.Segments >= 0)
        {
            o["segments"] = e.Segments;
        }

        return o;
    }

    private static byte[] Flip(byte[] file, int offset, byte mask = 0x01)
    {
        byte[] copy = (byte[])file.Clone();
        copy[offset] ^= mask;
        return copy;
    }

    private static byte[] Slice(byte[] file, LayoutRecord record) => file[record.Offset..record.End];

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The base vectors no longer have the layout the testkit derives from: " + what + ".");
        }
    }
}
