using System;
using Bodycam.Firmware.Checks;

namespace Bodycam.Firmware.NanoDiff;

/// <summary>
/// The scenarios of the byte-for-byte comparison (firmware/nano-diff): every scenario file of the emulator's library
/// that needs no dock link, its inputs exported by firmware/export-trace-scripts into Generated/TraceScripts.g.cs and
/// played by <see cref="TraceScript"/> on the checks' <see cref="TestDevice"/> (the device's own composition on
/// in-memory storage and manual clocks) with the board's real crypto engine, secure element and a seeded random
/// source. Each scenario prints its event trace and every file of its storage in a line format both
/// runs share (<see cref="Dump"/>). Runs unchanged on net10.0 and on nanoCLR (nano-safe).
/// </summary>
public static class DiffScenarios
{
    /// <summary>The municipality's recipient public key: RFC 7748 section 6.1, Bob's X25519 public key.</summary>
    public const string RecipientPublicKeyHex = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

    /// <summary>The matching private key (RFC 7748 section 6.1, Bob), published test material: it decrypts the recordings.</summary>
    public const string RecipientPrivateKeyHex = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";

    /// <summary>The authority public key: RFC 8032 section 7.1, test 1.</summary>
    public const string AuthorityPublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /// <summary>The authority private key (RFC 8032 section 7.1, test 1), published test material.</summary>
    public const string AuthorityPrivateKeyHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /// <summary>The device identity private key: RFC 8032 section 7.1, test 2.</summary>
    public const string IdentitySeedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    /// <summary>The scenario names, in the order they run: every scenario file that needs no dock link.</summary>
    public static string[] Names
    {
        get { return TraceScripts.Names; }
    }

    /// <summary>Runs every scenario and prints its dump.</summary>
    /// <param name="board">The crypto engine, secure element and random source to use.</param>
    public static void RunAll(IDiffBoard board)
    {
        for (int i = 0; i < TraceScripts.Names.Length; i++)
        {
            Run(TraceScripts.Names[i], i, board);
        }

        Console.WriteLine("done " + TraceScripts.Names.Length.ToString());
    }

    private static void Run(string name, int index, IDiffBoard board)
    {
        board.Prepare(new byte[] { (byte)'d', (byte)'i', (byte)'f', (byte)'f', (byte)index }, Dump.FromHex(IdentitySeedHex));
        var device = new TestDevice();
        device.EngineOverride = board.Crypto;
        device.SecureElementOverride = board.SecureElement;
        device.RandomOverride = board.Random;
        device.AuthorityKeyOverride = Dump.FromHex(AuthorityPublicKeyHex);
        device.RecipientKeyOverride = Dump.FromHex(RecipientPublicKeyHex);
        device.SegmentMaxBytes = 16 * 1024;
        TraceScript.Run(TraceScripts.Scripts[index], device);
        Dump.Scenario(name, device);
    }
}
