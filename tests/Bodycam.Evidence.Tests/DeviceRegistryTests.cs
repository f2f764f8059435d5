using System;
using System.IO;
using System.Linq;
using System.Text;
using Bodycam.Sdk.Devices;
using Xunit;

namespace Bodycam.Evidence.Tests;

public class DeviceRegistryTests
{
    private const string KeyA = "1b393f73ae479e62414cc9af3394afc188af52203ef36d368b1fc280bce854a5";
    private const string KeyB = "2b393f73ae479e62414cc9af3394afc188af52203ef36d368b1fc280bce854a5";

    [Fact]
    public void Parse_ValidRegistry_ListsDevicesWithMunicipalityAndKey()
    {
        DeviceRegistry registry = Parse($"bodycam-device-registry 1\n# the Heerde cameras\n\ndevice HEE-01 heerde {KeyA}\ndevice HAT_cam.2 hattem {KeyB.ToUpperInvariant()}\n");

        Assert.Equal(2, registry.Entries.Count);
        Assert.True(registry.TryFind("HAT_cam.2", out DeviceRegistryEntry entry));
        Assert.Equal("hattem", entry.MunicipalityId);
        Assert.Equal(KeyB, entry.PublicKeyHex);
        Assert.False(registry.TryFind("hee-01", out _));
    }

    [Theory]
    [InlineData("device HEE-01 heerde " + KeyA + "\n", DeviceRegistryError.MissingHeader, 1)]
    [InlineData("bodycam-device-registry 2\n", DeviceRegistryError.UnsupportedVersion, 1)]
    [InlineData("bodycam-device-registry 1\ndevice HEE-01 heerde\n", DeviceRegistryError.MalformedLine, 2)]
    [InlineData("bodycam-device-registry 1\ndevice  HEE-01 heerde " + KeyA + "\n", DeviceRegistryError.MalformedLine, 2)]
    [InlineData("bodycam-device-registry 1\ncamera HEE-01 heerde " + KeyA + "\n", DeviceRegistryError.MalformedLine, 2)]
    [InlineData("bodycam-device-registry 1\ndevice HEE/01 heerde " + KeyA + "\n", DeviceRegistryError.BadDeviceId, 2)]
    [InlineData("bodycam-device-registry 1\ndevice HEE-01 Heerde " + KeyA + "\n", DeviceRegistryError.BadMunicipalityId, 2)]
    [InlineData("bodycam-device-registry 1\ndevice HEE-01 heerde 1b39\n", DeviceRegistryError.BadPublicKey, 2)]
    [InlineData("bodycam-device-registry 1\ndevice HEE-01 heerde " + KeyA + "\ndevice HEE-01 hattem " + KeyB + "\n", DeviceRegistryError.DuplicateDevice, 3)]
    [InlineData("bodycam-device-registry 1\ndevice HEE-01 heerde " + KeyA + "\ndevice HEE-02 heerde " + KeyA + "\n", DeviceRegistryError.DuplicatePublicKey, 3)]
    [InlineData("bodycam-device-registry 1\r\ndevice HEE-01 heerde " + KeyA + "\n", DeviceRegistryError.BadText, 1)]
    [InlineData("bodycam-device-registry 1\ndevice\tHEE-01 heerde " + KeyA + "\n", DeviceRegistryError.BadText, 2)]
    public void Parse_BadRegistry_ThrowsTheTypedErrorWithTheLine(string text, DeviceRegistryError error, int line)
    {
        DeviceRegistryException e = Assert.Throws<DeviceRegistryException>(() => Parse(text));

        Assert.Equal(error, e.Error);
        Assert.Equal(line, e.LineNumber);
    }

    [Fact]
    public void SaveThenLoad_RoundTripsEveryEntry()
    {
        string path = Path.Combine(Path.GetTempPath(), "registry-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            DeviceRegistry registry = DeviceRegistry.Empty()
                .Add(DeviceRegistry.CreateEntry("HEE-01", "heerde", KeyA))
                .Add(DeviceRegistry.CreateEntry("HAT-01", "hattem", KeyB));

            registry.Save(path);
            DeviceRegistry loaded = DeviceRegistry.Load(path);

            Assert.Equal(registry.ToText(), File.ReadAllText(path));
            Assert.Equal(["HEE-01", "HAT-01"], loaded.Entries.Select(e => e.DeviceId));
            Assert.Equal(KeyA, loaded.Entries[0].PublicKeyHex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Add_DuplicateKey_IsRefusedAndTheRegistryUnchanged()
    {
        DeviceRegistry registry = DeviceRegistry.Empty().Add(DeviceRegistry.CreateEntry("HEE-01", "heerde", KeyA));

        DeviceRegistryException e = Assert.Throws<DeviceRegistryException>(() => registry.Add(DeviceRegistry.CreateEntry("HEE-02", "heerde", KeyA)));

        Assert.Equal(DeviceRegistryError.DuplicatePublicKey, e.Error);
        Assert.Single(registry.Entries);
    }

    private static DeviceRegistry Parse(string text) => DeviceRegistry.Parse(Encoding.ASCII.GetBytes(text));
}
