using Bodycam.Firmware.Provisioning;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed class FakeProvisioning : IProvisioning
{
    public bool IsProvisioned { get; set; } = true;

    public string MunicipalityId => "heerde";

    public int RecipientCount => 1;

    public void ReadRecipientKey(int index, byte[] destination, int offset)
    {
    }

    public void ReadAuthorityKey(byte[] destination, int offset)
    {
    }
}
