using System;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// The host authenticates the device. The device proves possession of its device key in the
/// handshake; a host that pinned the key (the device registry) refuses any other key and any proof that does not verify.
/// </summary>
public sealed class MutualAuthenticationTests : IDisposable
{
    private readonly Ed25519DockSigner _authority = Ed25519DockSigner.Generate();
    private readonly KeyPair _recipient = KeyPair.Generate(KeyType.Recipient);
    private readonly EmulatedDockDevice _genuine = new(seed: 1);

    [Fact]
    public async Task Authenticate_PinnedKeyMatches_ExposesTheProvenKey()
    {
        using DockClient client = await Connect(_genuine, _genuine.SecureElement.DevicePublicKey);

        await client.AuthenticateAsync(new AuthorityAuthenticator(_authority));

        Assert.Equal(_genuine.SecureElement.DevicePublicKey, client.DeviceKey!.Value.ToArray());
        Assert.True(client.IsDeviceKeyPinned);
    }

    [Fact]
    public async Task Authenticate_DeviceWithAnotherKey_IsDeviceNotAuthentic()
    {
        using EmulatedDockDevice other = new(seed: 2);
        using DockClient client = await Connect(other, _genuine.SecureElement.DevicePublicKey);

        DockConnectionException e = await Assert.ThrowsAsync<DockConnectionException>(() => client.AuthenticateAsync(new AuthorityAuthenticator(_authority)));

        Assert.Equal(DockConnectionFailure.DeviceNotAuthentic, e.Reason);
        Assert.Null(client.DeviceKey);
    }

    [Fact]
    public async Task Authenticate_ImpostorClaimingTheGenuineKey_IsDeviceNotAuthentic()
    {
        using EmulatedDockDevice impostor = new(seed: 3, claimedDeviceKey: _genuine.SecureElement.DevicePublicKey);
        using DockClient client = await Connect(impostor, _genuine.SecureElement.DevicePublicKey);

        DockConnectionException e = await Assert.ThrowsAsync<DockConnectionException>(() => client.AuthenticateAsync(new AuthorityAuthenticator(_authority)));

        Assert.Equal(DockConnectionFailure.DeviceNotAuthentic, e.Reason);
        Assert.Contains("did not prove possession", e.Message, StringComparison.Ordinal);
        Assert.Null(client.DeviceKey);
    }

    [Fact]
    public async Task Authenticate_WithoutPin_StillRequiresTheProof()
    {
        using EmulatedDockDevice impostor = new(seed: 3, claimedDeviceKey: _genuine.SecureElement.DevicePublicKey);
        using DockClient client = await Connect(impostor, null);

        DockConnectionException e = await Assert.ThrowsAsync<DockConnectionException>(() => client.AuthenticateAsync(new AuthorityAuthenticator(_authority)));

        Assert.Equal(DockConnectionFailure.DeviceNotAuthentic, e.Reason);
    }

    [Fact]
    public async Task DeviceKey_BeforeAuthentication_IsNull()
    {
        using DockClient client = await Connect(_genuine, null);

        await client.GetInfoAsync();

        Assert.Null(client.DeviceKey);
        Assert.False(client.IsDeviceKeyPinned);
    }

    public void Dispose()
    {
        _genuine.Dispose();
        _authority.Dispose();
        _recipient.Dispose();
    }

    private async Task<DockClient> Connect(EmulatedDockDevice device, byte[]? pinned)
    {
        device.Enrol("heerde", _authority.PublicKey.ToArray(), _recipient.PublicKey);
        DockClientOptions options = new() { RequestTimeout = TimeSpan.FromSeconds(10) };
        if (pinned != null)
        {
            options.ExpectedDeviceKey = pinned;
        }

        DockClient client = new(new Bodycam.Emulator.Dock.InProcessDockTransport(device.Link), options);
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }
}
