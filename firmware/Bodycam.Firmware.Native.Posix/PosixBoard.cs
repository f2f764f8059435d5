using System;
using System.Runtime.CompilerServices;

namespace Bodycam.Firmware.Native.Posix;

/// <summary>
/// Controls of the posix board (the Linux nanoCLR with the native component compiled in, firmware/native/README.md)
/// that a test, a benchmark or the byte-for-byte comparison needs and a device must never have: a seeded random
/// source, a known identity key, a fixed next ephemeral key, a lost real-time clock, camera replay and a direct C
/// measurement. The board starts as a fresh device: random from <c>getrandom(2)</c>, no identity key, clock not set,
/// no camera replay.
/// </summary>
public static class PosixBoard
{
    /// <summary>
    /// Replaces the board's random source (what <c>NativeRandom</c> returns and what the secure element draws its keys
    /// from) by a deterministic stream: block <c>i</c> is SHA-256(seed || i as 8 bytes big-endian), bytes handed out in
    /// order across calls, the same stream as the emulator's <c>SimulatedRandom</c> built from the same seed bytes.
    /// </summary>
    /// <param name="seed">Seed bytes, 1 to 64.</param>
    public static void SeedRandom(byte[] seed)
    {
        Require(seed, nameof(seed));
        NativeSeedRandom(seed);
    }

    /// <summary>Returns the board's random source to <c>getrandom(2)</c>, forgetting any seed.</summary>
    public static void UseSystemRandom()
    {
        NativeUseSystemRandom();
    }

    /// <summary>Enrols the secure element: a new Ed25519 identity key from 32 bytes of the board's random source.</summary>
    public static void GenerateIdentity()
    {
        NativeGenerateIdentity();
    }

    /// <summary>
    /// Installs a known Ed25519 identity key (RFC 8032 private key, the 32-byte seed), the stand-in for a key injected
    /// at the factory; the native side keeps its own copy. The caller zeroes its copy.
    /// </summary>
    /// <param name="seed">The 32-byte private key.</param>
    public static void InstallIdentity(byte[] seed)
    {
        Require(seed, nameof(seed));
        NativeInstallIdentity(seed);
    }

    /// <summary>Wipes the identity key: the element is as before enrolment.</summary>
    public static void ClearIdentity()
    {
        NativeClearIdentity();
    }

    /// <summary>
    /// Makes the next ephemeral agreement use this X25519 private key instead of one from the random source (once;
    /// then wiped). Lets the published X25519 vectors run through the element's own agreement code.
    /// </summary>
    /// <param name="scalar">The 32-byte private key.</param>
    public static void UseNextEphemeral(byte[] scalar)
    {
        Require(scalar, nameof(scalar));
        NativeUseNextEphemeral(scalar);
    }

    /// <summary>Makes the real-time clock lose its time, as when its backup cell runs flat.</summary>
    public static void LoseRealTimeClock()
    {
        NativeLoseRealTimeClock();
    }

    /// <summary>
    /// Loads a frame file for the camera to replay (format in firmware/native/README.md, "Camera replay"): frames are
    /// released by <c>NativeCamera.TryReadFrame</c> once the monotonic clock has passed their time since
    /// <c>Start</c>.
    /// </summary>
    /// <param name="path">The file's path on the host.</param>
    /// <returns>The number of frames in the file.</returns>
    public static int OpenCameraReplay(string path)
    {
        if (path == null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return NativeOpenCameraReplay(path);
    }

    /// <summary>Forgets the replayed file: the camera has no frames.</summary>
    public static void CloseCameraReplay()
    {
        NativeCloseCameraReplay();
    }

    /// <summary>
    /// Times, in C and without the interpreter, the crypto work the recording writer does per segment, with the same
    /// mbedTLS calls the crypto engine makes: AES-256-GCM of <paramref name="count"/> bytes of
    /// <paramref name="plain"/> with 37 bytes of additional data into <paramref name="record"/> at offset 10 (tag
    /// after the ciphertext), then the chain hash SHA-256(32-byte previous link || the record's count + 26 bytes),
    /// repeated <paramref name="iterations"/> times.
    /// </summary>
    /// <param name="key">32-byte key.</param>
    /// <param name="nonce">12-byte nonce.</param>
    /// <param name="plain">The segment's plaintext.</param>
    /// <param name="record">The record buffer, at least <paramref name="count"/> + 26 bytes.</param>
    /// <param name="count">Plaintext bytes per segment.</param>
    /// <param name="iterations">Number of segments.</param>
    /// <returns>Elapsed time on the monotonic clock, in microseconds.</returns>
    public static long MeasureDirectSegments(byte[] key, byte[] nonce, byte[] plain, byte[] record, int count, int iterations)
    {
        Require(key, nameof(key));
        Require(nonce, nameof(nonce));
        Require(plain, nameof(plain));
        Require(record, nameof(record));
        return NativeMeasureDirectSegments(key, nonce, plain, record, count, iterations);
    }

    // The interop marshaller would turn a null array into a NullReferenceException before the native code runs.
    private static void Require(byte[] buffer, string name)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(name);
        }
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSeedRandom(byte[] seed);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeUseSystemRandom();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeGenerateIdentity();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeInstallIdentity(byte[] seed);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeClearIdentity();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeUseNextEphemeral(byte[] scalar);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeLoseRealTimeClock();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern int NativeOpenCameraReplay(string path);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeCloseCameraReplay();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeMeasureDirectSegments(byte[] key, byte[] nonce, byte[] plain, byte[] record, int count, int iterations);
}
