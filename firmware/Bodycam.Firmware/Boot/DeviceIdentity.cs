using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Boot;

/// <summary>The device id a board without a configured name writes into each recording header.</summary>
public static class DeviceIdentity
{
    private const string Hex = "0123456789abcdef";

    /// <summary>
    /// "BC-" and the first 8 bytes of the secure element's Ed25519 public key in lower-case hex: stable for the
    /// device's life and meaningless without the enrolment record.
    /// </summary>
    /// <param name="secureElement">The secure element holding the device identity key.</param>
    /// <returns>The id, 19 characters.</returns>
    public static string FromSecureElement(ISecureElement secureElement)
    {
        byte[] key = new byte[32];
        secureElement.ReadDevicePublicKey(key, 0);
        char[] id = new char[3 + 16];
        id[0] = 'B';
        id[1] = 'C';
        id[2] = '-';
        for (int i = 0; i < 8; i++)
        {
            id[3 + (2 * i)] = Hex[key[i] >> 4];
            id[4 + (2 * i)] = Hex[key[i] & 0x0F];
        }

        return new string(id);
    }
}
