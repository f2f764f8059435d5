using System.IO;
using Bodycam.Emulator.Device;
using Xunit;

namespace Bodycam.Emulator.Tests.Device;

public class KeyRingTests
{
    [Fact]
    public void FromSeed_SameSeed_SameKeys()
    {
        Assert.Equal(KeyRing.FromSeed(3).RecipientPublicKey("hattem"), KeyRing.FromSeed(3).RecipientPublicKey("hattem"));
        Assert.NotEqual(KeyRing.FromSeed(3).RecipientPublicKey("hattem"), KeyRing.FromSeed(3).RecipientPublicKey("heerde"));
    }

    [Fact]
    public void FromDirectory_Absent_GeneratesSdkKeyFilesThatLoadAgain()
    {
        string dir = Path.GetDirectoryName(RepositoryPaths.TempFile("k"))!;

        byte[] generated = KeyRing.FromDirectory(dir).RecipientPublicKey("oldebroek");
        byte[] loaded = KeyRing.FromDirectory(dir).RecipientPublicKey("oldebroek");

        Assert.Equal(generated, loaded);
        Assert.True(File.Exists(Path.Combine(dir, "oldebroek.recipient.key")));
        Assert.StartsWith("bodycam-recipient-x25519-v1 ", File.ReadAllText(Path.Combine(dir, "oldebroek.recipient.pub")));
    }
}
