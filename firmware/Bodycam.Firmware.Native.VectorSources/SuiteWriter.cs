using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Bodycam.Firmware.Native.VectorSources;

/// <summary>
/// Turns each vector file of tests/vectors into a nano test class whose methods call VectorChecks (hand-written, in
/// the test project) with the vector's values. Every case of a file becomes a test, with the expectation the
/// engine's contract gives it; the few cases that are out of the engine's reach are listed in the README instead.
/// </summary>
public static class SuiteWriter
{
    private static readonly StringPool s_pool = new();

    /// <summary>Writes the data assemblies and the string dispatch for every string the suites used.</summary>
    /// <param name="output">The output folder.</param>
    /// <returns>The number of data assemblies.</returns>
    public static int WriteStrings(string output) => s_pool.Write(output);

    /// <summary>Builds every suite.</summary>
    /// <param name="vectors">The tests/vectors folder.</param>
    /// <returns>The suites.</returns>
    public static IEnumerable<GeneratedSuite> WriteAll(string vectors)
    {
        ClassBuilder[] builders =
        {
            WycheproofAesGcm(Path.Combine(vectors, "wycheproof", "aes_gcm_test.json")),
            WycheproofX25519(Path.Combine(vectors, "wycheproof", "x25519_test.json")),
            WycheproofEd25519(Path.Combine(vectors, "wycheproof", "ed25519_test.json")),
            WycheproofHkdf(Path.Combine(vectors, "wycheproof", "hkdf_sha256_test.json")),
            NistGcm(Path.Combine(vectors, "pyca", "gcmEncryptExtIV256.rsp"), Path.Combine(vectors, "pyca", "gcmDecrypt256.rsp")),
            Rfc7748(Path.Combine(vectors, "pyca", "rfc7748.txt")),
            Rfc8032(Path.Combine(vectors, "pyca", "ed25519-sign.input")),
            Rfc5869(Path.Combine(vectors, "pyca", "rfc-5869-HKDF-SHA256.txt")),
        };
        foreach (ClassBuilder builder in builders)
        {
            foreach (GeneratedSuite suite in builder.Build())
            {
                yield return suite;
            }
        }
    }

    private static ClassBuilder WycheproofAesGcm(string path)
    {
        var c = new ClassBuilder(
            "WycheproofAesGcmTests",
            "Wycheproof aes_gcm_test.json through NativeCryptoEngine.AesGcmSeal: valid 256-bit-key, 96-bit-nonce cases seal to the exact ciphertext and tag, invalid ones do not, other key and nonce sizes are refused.");
        foreach ((JsonElement group, JsonElement test) in Wycheproof(path))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            string key = Str(test, "key");
            string iv = Str(test, "iv");
            bool sizesTaken = key.Length == 64 && iv.Length == 24 && group.GetProperty("tagSize").GetInt32() == 128;
            string call = !sizesTaken
                ? "VectorChecks.AesGcmSealRefused(" + s_pool.Ref(key) + ", " + s_pool.Ref(iv) + ");"
                : "VectorChecks.AesGcmSeal(" + s_pool.Ref(key) + ", " + s_pool.Ref(iv) + ", " + s_pool.Ref(Str(test, "aad")) + ", "
                    + s_pool.Ref(Str(test, "msg")) + ", " + s_pool.Ref(Str(test, "ct")) + ", " + s_pool.Ref(Str(test, "tag")) + ", "
                    + ClassBuilder.Bool(Result(test) != "invalid") + ");";
            c.Add(Name(tcId), Comment(tcId, test), call);
        }

        return c;
    }

    private static ClassBuilder WycheproofX25519(string path)
    {
        var c = new ClassBuilder(
            "WycheproofX25519Tests",
            "Wycheproof x25519_test.json through NativeSecureElement.AgreeEphemeral with the vector's private key as the ephemeral key: the exact shared secret (all zero for the low-order points, which the caller refuses).");
        foreach ((JsonElement _, JsonElement test) in Wycheproof(path))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            c.Add(
                Name(tcId),
                Comment(tcId, test),
                "VectorChecks.X25519(" + s_pool.Ref(Str(test, "private")) + ", " + s_pool.Ref(Str(test, "public")) + ", " + s_pool.Ref(Str(test, "shared")) + ");");
        }

        return c;
    }

    private static ClassBuilder WycheproofEd25519(string path)
    {
        var c = new ClassBuilder(
            "WycheproofEd25519Tests",
            "Wycheproof ed25519_test.json through NativeCryptoEngine.Ed25519Verify: valid signatures accepted, invalid ones rejected; signatures shorter than 64 bytes cannot be passed (ArgumentOutOfRangeException).");
        foreach ((JsonElement group, JsonElement test) in Wycheproof(path))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            string pk = group.GetProperty("publicKey").GetProperty("pk").GetString()!;
            string sig = Str(test, "sig");
            string call = sig.Length / 2 == 64
                ? "VectorChecks.Ed25519Verify(" + s_pool.Ref(pk) + ", " + s_pool.Ref(Str(test, "msg")) + ", " + s_pool.Ref(sig) + ", " + ClassBuilder.Bool(Result(test) == "valid") + ");"
                : sig.Length / 2 < 64
                    ? "VectorChecks.Ed25519SignatureTooShort(" + s_pool.Ref(pk) + ", " + s_pool.Ref(Str(test, "msg")) + ", " + s_pool.Ref(sig) + ");"
                    : "VectorChecks.Ed25519SignatureLongerThan64(" + ClassBuilder.Int(sig.Length / 2) + ");";
            c.Add(Name(tcId), Comment(tcId, test), call);
        }

        return c;
    }

    private static ClassBuilder WycheproofHkdf(string path)
    {
        var c = new ClassBuilder(
            "WycheproofHkdfTests",
            "Wycheproof hkdf_sha256_test.json through NativeCryptoEngine.HkdfSha256: the exact output, and outputs longer than 255 * 32 bytes refused.");
        foreach ((JsonElement _, JsonElement test) in Wycheproof(path))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            int size = test.GetProperty("size").GetInt32();
            string call = Result(test) == "invalid"
                ? "VectorChecks.HkdfRefused(" + s_pool.Ref(Str(test, "ikm")) + ", " + s_pool.Ref(Str(test, "salt")) + ", " + s_pool.Ref(Str(test, "info")) + ", " + ClassBuilder.Int(size) + ");"
                : "VectorChecks.Hkdf(" + s_pool.Ref(Str(test, "ikm")) + ", " + s_pool.Ref(Str(test, "salt")) + ", " + s_pool.Ref(Str(test, "info")) + ", " + s_pool.Ref(Str(test, "okm")) + ");";
            c.Add(Name(tcId), Comment(tcId, test), call);
        }

        return c;
    }

    private static ClassBuilder NistGcm(string encryptPath, string decryptPath)
    {
        var c = new ClassBuilder(
            "NistGcmTests",
            "NIST CAVP GCM (gcmEncryptExtIV256.rsp, and the cases of gcmDecrypt256.rsp that have a plaintext) through NativeCryptoEngine.AesGcmSeal: the exact ciphertext and tag.");
        int index = 0;
        foreach ((string file, Dictionary<string, string> record) in Records(encryptPath, decryptPath))
        {
            if (record.ContainsKey("FAIL"))
            {
                // A decryption that must fail has no plaintext to seal; the device never decrypts.
                continue;
            }

            index++;
            c.Add(
                "Case" + index.ToString("D3", CultureInfo.InvariantCulture),
                file + " " + record["section"] + " Count = " + record["Count"],
                "VectorChecks.AesGcmSeal(" + s_pool.Ref(record["Key"]) + ", " + s_pool.Ref(record["IV"]) + ", " + s_pool.Ref(record["AAD"]) + ", "
                    + s_pool.Ref(record["PT"]) + ", " + s_pool.Ref(record["CT"]) + ", " + s_pool.Ref(record["Tag"]) + ", true);");
        }

        return c;
    }

    private static ClassBuilder Rfc7748(string path)
    {
        var c = new ClassBuilder(
            "Rfc7748Tests",
            "RFC 7748 section 5.2 (pyca rfc7748.txt) through NativeSecureElement.AgreeEphemeral with the vector's scalar as the ephemeral key.");
        foreach ((string _, Dictionary<string, string> record) in Records(path))
        {
            c.Add(
                "Count" + record["COUNT"],
                "rfc7748.txt COUNT = " + record["COUNT"],
                "VectorChecks.X25519(" + s_pool.Ref(record["INPUT_SCALAR"]) + ", " + s_pool.Ref(record["INPUT_U"]) + ", " + s_pool.Ref(record["OUTPUT_U"]) + ");");
        }

        return c;
    }

    private static ClassBuilder Rfc8032(string path)
    {
        var c = new ClassBuilder(
            "Rfc8032Tests",
            "Ed25519 signing vectors (pyca ed25519-sign.input; lines 1 and 2 are RFC 8032 section 7.1 tests 1 and 2) through NativeSecureElement with the vector's key installed: the public key, the exact signature, and verification by NativeCryptoEngine.");
        int line = 0;
        foreach (string raw in File.ReadAllLines(path))
        {
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            line++;
            string[] fields = raw.Split(':');
            if (fields.Length < 4 || fields[0].Length != 128 || fields[3].Length < 128)
            {
                throw new InvalidDataException(path + ": line " + line + " is not secret:public:message:signature+message");
            }

            c.Add(
                "Line" + line.ToString("D2", CultureInfo.InvariantCulture),
                "ed25519-sign.input line " + line,
                "VectorChecks.Ed25519Sign(" + s_pool.Ref(fields[0][..64]) + ", " + s_pool.Ref(fields[1]) + ", " + s_pool.Ref(fields[2]) + ", " + s_pool.Ref(fields[3][..128]) + ");");
        }

        return c;
    }

    private static ClassBuilder Rfc5869(string path)
    {
        var c = new ClassBuilder(
            "Rfc5869Tests",
            "RFC 5869 appendix A.1 to A.3 (pyca rfc-5869-HKDF-SHA256.txt) through NativeCryptoEngine.HkdfSha256.");
        foreach ((string _, Dictionary<string, string> record) in Records(path))
        {
            c.Add(
                "Count" + record["COUNT"],
                "rfc-5869-HKDF-SHA256.txt COUNT = " + record["COUNT"],
                "VectorChecks.Hkdf(" + s_pool.Ref(record["IKM"]) + ", " + s_pool.Ref(record["salt"]) + ", " + s_pool.Ref(record["info"]) + ", " + s_pool.Ref(record["OKM"]) + ");");
        }

        return c;
    }

    private static IEnumerable<(JsonElement Group, JsonElement Test)> Wycheproof(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<(JsonElement, JsonElement)>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                cases.Add((group.Clone(), test.Clone()));
            }
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataException(path + " has no tests");
        }

        return cases;
    }

    // "Name = value" records of a NIST .rsp or pyca file: a record starts at a Count line, [..] lines set its section,
    // a bare FAIL line is kept as the key FAIL.
    private static IEnumerable<(string File, Dictionary<string, string> Record)> Records(params string[] paths)
    {
        var all = new List<(string, Dictionary<string, string>)>();
        foreach (string path in paths)
        {
            string section = "";
            bool sectionOpen = false;
            Dictionary<string, string>? current = null;
            foreach (string raw in File.ReadAllLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    sectionOpen = false;
                    continue;
                }

                if (line.StartsWith('['))
                {
                    section = sectionOpen ? section + " " + line : line;
                    sectionOpen = true;
                    current = null;
                    continue;
                }

                sectionOpen = false;
                if (current is null || line.StartsWith("count", StringComparison.OrdinalIgnoreCase))
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal) { ["section"] = section };
                    all.Add((Path.GetFileName(path), current));
                }

                int eq = line.IndexOf('=', StringComparison.Ordinal);
                current[eq < 0 ? line : line[..eq].Trim()] = eq < 0 ? "" : line[(eq + 1)..].Trim();
            }
        }

        if (all.Count == 0)
        {
            throw new InvalidDataException(string.Join(", ", paths) + " hold no records");
        }

        return all;
    }

    private static string Str(JsonElement test, string name) => test.GetProperty(name).GetString() ?? "";

    private static string Result(JsonElement test) => Str(test, "result");

    private static string Name(int tcId) => "Tc" + tcId.ToString("D4", CultureInfo.InvariantCulture);

    private static string Comment(int tcId, JsonElement test)
    {
        string flags = "";
        if (test.TryGetProperty("flags", out JsonElement f))
        {
            foreach (JsonElement flag in f.EnumerateArray())
            {
                flags += (flags.Length == 0 ? "" : ",") + flag.GetString();
            }
        }

        return "tcId " + tcId + ", " + Result(test) + (flags.Length == 0 ? "" : " [" + flags + "]") + ": " + Str(test, "comment");
    }
}
