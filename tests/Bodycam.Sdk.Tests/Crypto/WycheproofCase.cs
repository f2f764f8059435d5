using System.Collections.Generic;
using System.Text.Json;

namespace Bodycam.Sdk.Tests.Crypto;

/// <summary>One Wycheproof test with its group (testvectors_v1 schema).</summary>
internal sealed record WycheproofCase(JsonElement Group, JsonElement Test, string Result, List<string> Flags)
{
    public int Id => Test.GetProperty("tcId").GetInt32();

    public byte[] Bytes(string name) => VectorFiles.Hex(Test.GetProperty(name).GetString()!);

    public int GroupInt(string name) => Group.GetProperty(name).GetInt32();

    public override string ToString() => "tcId " + Id + " (" + Result + " " + string.Join(",", Flags) + ")";
}
