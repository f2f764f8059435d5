using Bodycam.Emulator.Board;
using Bodycam.Sdk.Crypto;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulatedSecureElementTests
{
    [Fact]
    public void Sign_Message_VerifiesWithTheSdkAndTheCryptoEngine()
    {
        var se = SimulatedSecureElement.Create(new SimulatedRandom(3));
        byte[] message = { 1, 2, 3, 4 };
        byte[] signature = new byte[64];
        byte[] publicKey = new byte[32];

        se.ReadDevicePublicKey(publicKey, 0);
        se.Sign(message, 0, message.Length, signature, 0);
        using var engine = new SimulatedCryptoEngine();

        Assert.True(Ed25519.Verify(publicKey, message, signature));
        Assert.True(engine.Ed25519Verify(publicKey, message, 0, message.Length, signature, 0));
        signature[10] ^= 1;
        Assert.False(engine.Ed25519Verify(publicKey, message, 0, message.Length, signature, 0));
    }

    [Fact]
    public void AgreeEphemeral_RecipientComputesTheSameSecret()
    {
        var se = SimulatedSecureElement.Create(new SimulatedRandom(4));
        byte[] recipientPrivate = X25519.GeneratePrivateKey();
        byte[] ephemeral = new byte[32];
        byte[] shared = new byte[32];

        se.AgreeEphemeral(X25519.GetPublicKey(recipientPrivate), ephemeral, shared);

        Assert.Equal(X25519.Agree(recipientPrivate, ephemeral), shared);
    }

    [Fact]
    public void AgreeEphemeral_LowOrderKey_GivesZerosForTheCallerToReject()
    {
        var se = SimulatedSecureElement.Create(new SimulatedRandom(4));
        byte[] shared = new byte[32];

        se.AgreeEphemeral(new byte[32], new byte[32], shared);

        Assert.All(shared, b => Assert.Equal(0, b));
    }
}
