using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Bodycam.Firmware.Configuration;
using Xunit;
using SdkDocument = Bodycam.Sdk.Configuration.DeviceConfigurationDocument;
using SdkDocumentException = Bodycam.Sdk.Configuration.ConfigurationDocumentException;
using SdkKey = Bodycam.Sdk.Configuration.ConfigurationKey;
using SdkSchema = Bodycam.Sdk.Configuration.ConfigurationSchema;

namespace Bodycam.Conformance.Tests.Configuration;

public class ConfigurationSchemaConformanceTests
{
    private const string Spec = "configuration.md";

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        for (int i = 0; i < ConfigurationSchema.Count; i++)
        {
            data.Add(ConfigurationSchema.Get(i).Key);
        }

        return data;
    }

    [Fact]
    public void Schema_FirmwareAndSdk_HaveTheSameRowsInTheSameOrder()
    {
        Assert.Equal(Firmware(), Sdk());
    }

    [Fact]
    public void Schema_Firmware_MatchesTheSpecsKeyTable()
    {
        Assert.Equal(FromSpec(), Firmware());
    }

    [Fact]
    public void Schema_Sdk_MatchesTheSpecsKeyTable()
    {
        Assert.Equal(FromSpec(), Sdk());
    }

    [Fact]
    public void Schema_FirmwareRows_AreIndexedInTableOrder()
    {
        for (int i = 0; i < ConfigurationSchema.Count; i++)
        {
            Assert.Equal(i, ConfigurationSchema.Get(i).Index);
        }
    }

    [Fact]
    public void DeviceConfiguration_FactoryInstance_HoldsEachKeysFactoryValueInTheNamedProperty()
    {
        var configuration = new DeviceConfiguration();
        for (int i = 0; i < ConfigurationSchema.Count; i++)
        {
            ConfigurationKey key = ConfigurationSchema.Get(i);
            PropertyInfo? property = typeof(DeviceConfiguration).GetProperty(key.Field);
            Assert.True(property is not null, $"{key.Key}: DeviceConfiguration has no property {key.Field}");
            object value = property!.GetValue(configuration)!;
            long number = value is bool b ? (b ? 1 : 0) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            Assert.True(number == key.Factory, $"{key.Key}: {key.Field} starts at {number}, the schema says {key.Factory}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Document_EachKeyAtAndAcrossItsBounds_FirmwareAndSdkDecideAlike(string name)
    {
        ConfigurationKey key = ConfigurationSchema.Find(name)!;
        var values = new List<long> { key.Minimum, key.Maximum, key.Maximum + 1 };
        if (key.Minimum > 0)
        {
            values.Add(key.Minimum - 1);
        }

        foreach (long value in values)
        {
            string text = key.IsBoolean ? (value == 0 ? "false" : value == 1 ? "true" : "maybe") : value.ToString(CultureInfo.InvariantCulture);
            string document = "version=1\n" + name + "=" + text + "\n";
            string? firmware = FirmwareRejects(document);
            string? sdk = SdkRejects(document);
            Assert.True(firmware == sdk, $"{name}={text}: the firmware {Say(firmware)}, the SDK {Say(sdk)}");
        }
    }

    private static string Say(string? rejectedKey)
    {
        return rejectedKey is null ? "accepts it" : "rejects it naming " + rejectedKey;
    }

    private static string? FirmwareRejects(string document)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(document);
        try
        {
            ConfigurationDocument.Apply(bytes, 0, bytes.Length, new DeviceConfiguration());
            return null;
        }
        catch (ConfigurationException e)
        {
            return e.Field;
        }
    }

    private static string? SdkRejects(string document)
    {
        try
        {
            SdkDocument.Prepare(document);
            return null;
        }
        catch (SdkDocumentException e)
        {
            return e.Field;
        }
    }

    private static List<string> Firmware()
    {
        var rows = new List<string>();
        for (int i = 0; i < ConfigurationSchema.Count; i++)
        {
            ConfigurationKey k = ConfigurationSchema.Get(i);
            rows.Add(Row(k.Key, k.Minimum, k.Maximum, k.Factory, k.IsBoolean));
        }

        return rows;
    }

    private static List<string> Sdk()
    {
        return SdkSchema.Keys.Select((SdkKey k) => Row(k.Key, k.Minimum, k.Maximum, k.Factory, k.IsBoolean)).ToList();
    }

    // The spec's rows: "0..200, and below a third of ..." gives 0 and 200; "true, false" is a boolean (0..1).
    private static List<string> FromSpec()
    {
        var rows = new List<string>();
        foreach (string[] r in SpecTable.Read(Spec, "## Format", "key", "unit", "range", "factory", "what it sets"))
        {
            if (r[1] == "boolean")
            {
                Assert.Equal("true, false", r[2]);
                rows.Add(Row(r[0], 0, 1, r[3] == "true" ? 1 : 0, true));
                continue;
            }

            string range = r[2].Split(',')[0];
            string[] bounds = range.Split("..");
            Assert.True(bounds.Length == 2, $"{Spec}: the range of {r[0]} is not min..max");
            rows.Add(Row(r[0], Number(bounds[0]), Number(bounds[1]), Number(r[3]), false));
        }

        return rows;
    }

    private static long Number(string text)
    {
        return long.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Row(string key, long minimum, long maximum, long factory, bool isBoolean)
    {
        return FormattableString.Invariant($"{key} {minimum}..{maximum} factory {factory}{(isBoolean ? " boolean" : string.Empty)}");
    }
}
