using System;
using System.Globalization;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Keys;

namespace Bodycam.Sdk.Hints;

/// <summary>
/// What a device refusal or a key file error means and what to do next, in the style of age's "did you mean -i?": the
/// meaning says what happened, the hint what to try (naming the <c>bodycam</c> commands that help). The meanings follow
/// docs/dock-protocol.md ("Errors", "Authentication", "Commands") and docs/recording-format.md ("Key files").
/// </summary>
public static class ErrorHints
{
    /// <summary>Explains a device's error answer.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="request">The refused request.</param>
    /// <param name="detail">The error's detail value.</param>
    /// <returns>What the refusal means and what to do next.</returns>
    public static ErrorHint ForDockError(DockErrorCode code, DockCommandCode request, uint detail)
    {
        string d = detail.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            DockErrorCode.UnsupportedVersion => new(
                "the device speaks no protocol version this bodycam knows" + (detail == 0 ? "." : " (its highest is " + d + ")."),
                "update bodycam (or the device's firmware) so both speak the same dock protocol version."),
            DockErrorCode.UnknownCommand => new(
                "the device's firmware does not know the " + request + " request.",
                "update the device's firmware, or use a bodycam release of the same protocol version."),
            DockErrorCode.BadRequest => detail switch
            {
                1 => new(
                    "the device rejected the configuration document.",
                    "check it with the device's firmware version in mind (docs/configuration.md); every key and bound is listed there."),
                2 => new(
                    "the confirmation does not name every file of the recording.",
                    "offload the whole recording again (all its continuation files) and confirm them together."),
                3 => new(
                    "the confirmation names a file twice.",
                    "name each file of the recording once; the SDK's ConfirmRecordingAsync does this for you."),
                4 => new(
                    "the device refuses that time: it accepts 2026-01-01 up to 2100-01-01 only.",
                    "check this host's clock (and its time zone setting), then run 'bodycam clock sync' again."),
                _ => new(
                    "the device found the " + request + " request malformed or a value out of range.",
                    request == DockCommandCode.SetClock
                        ? "check this host's clock: the device accepts 2026-01-01 up to 2100-01-01 only."
                        : "check the values given; if they are right, this bodycam and the firmware disagree on the protocol: report it."),
            },
            DockErrorCode.FrameTooLarge => new(
                "the request is larger than the device accepts (" + d + " bytes).",
                "send less at once (a shorter configuration document, fewer files per confirmation)."),
            DockErrorCode.BadSequence => new(
                "the device got the " + request + " request out of order (no hello yet, or a proof without a fresh challenge).",
                "run the command again: each challenge is answered once, and a second program on the same link breaks the sequence."),
            DockErrorCode.NotAuthenticated => detail == 1
                ? new(
                    "the session expired before the " + request + " request.",
                    "run the command again to open a fresh session; a session lasts the lifetime the device announces (10 min by default).")
                : new(
                    "the " + request + " request needs a session.",
                    "give --authority-key K, or --dock-key D with --certificate C, to open one."),
            DockErrorCode.AuthenticationFailed => detail switch
            {
                1 => new(
                    "the challenge expired before the answer arrived.",
                    "run the command again; if it keeps happening, raise --timeout or check the link's latency (a challenge lives 30 s by default)."),
                2 => new(
                    "the device does not accept the dock certificate.",
                    "certify this dock key with the authority key of the device's own municipality ('bodycam keys certify-dock')."),
                3 => new(
                    "the dock certificate has expired by the device's clock.",
                    "issue a new certificate with a later --not-after ('bodycam keys certify-dock'), or check the device clock ('bodycam device status')."),
                _ => new(
                    "the device did not accept the session signature.",
                    "use the authority key (or dock key) of the municipality the device is enrolled in: 'bodycam device info' shows it. Repeated failures are rate limited and audited."),
            },
            DockErrorCode.RateLimited => new(
                "too many failed sessions in a row; the device waits " + d + " ms before the next challenge.",
                "wait " + Seconds(detail) + ", then try again with the right key; every failure doubles the wait (up to 64 s) and is audited."),
            DockErrorCode.NotFound => new(
                "the device has no such recording file.",
                "list the device's recordings again ('bodycam offload' lists them first); it may have been offloaded and deleted already."),
            DockErrorCode.HashMismatch => request == DockCommandCode.ConfirmRecordingChain && detail > 0
                ? new(
                    "file " + (detail - 1).ToString(CultureInfo.InvariantCulture) + " of the recording does not end in a close record on the device, so it cannot be confirmed by its chain; nothing was deleted.",
                    "offload that recording again; if it happens again, the device's copy changed after it was closed: keep the device's recording and report it.")
                : new(
                    request is DockCommandCode.ConfirmRecording or DockCommandCode.ConfirmRecordingChain
                        ? "a file of the recording differs from the device's copy; nothing was deleted."
                        : "file " + d + " of the confirmation differs from the device's copy; nothing was deleted.",
                    "offload that recording again: the local copy is not the device's."),
            DockErrorCode.Busy => new(
                "file " + d + " is still being recorded.",
                "stop the recording on the device (hold the button 3 s), then offload again."),
            DockErrorCode.NotProvisioned => new(
                "the device is not enrolled in a municipality.",
                "enrol it first: 'bodycam device provision --municipality ID --authority-key K --recipient P'."),
            DockErrorCode.AlreadyProvisioned => detail == 1
                ? new(
                    "the device's provisioning store is tampered, so it refuses a new enrolment.",
                    "take the device out of service and have it examined; do not offload to a host that trusts it.")
                : new(
                    "the device is already enrolled.",
                    "to enrol it anew, offload its recordings, run 'bodycam device reset --authority-key K --yes' with its current authority key, then provision."),
            DockErrorCode.BadSignature => new(
                "the signature on the " + request + " request does not verify.",
                request == DockCommandCode.Provision
                    ? "sign with the authority key being installed (--authority-key must be the private key of that authority)."
                    : "sign with the authority key of the municipality the device is enrolled in ('bodycam device info' shows it)."),
            DockErrorCode.StaleConfiguration => new(
                "the configuration's sequence is not above the one in force.",
                "push it with a higher --sequence (the device refuses replays of older configurations)."),
            DockErrorCode.StorageError => new(
                "the device's storage failed (storage error " + d + ").",
                "undock and check the device's card; the recordings already offloaded are safe, nothing was deleted."),
            DockErrorCode.NotEmpty => new(
                d + " recording files are still on the device.",
                "offload them first ('bodycam offload DEST ...'): footage sealed to the old recipients must leave the device before a reset."),
            DockErrorCode.Forbidden => detail == 1
                ? new(
                    "a dock key may only nudge a set clock, by at most 5 minutes per session.",
                    "set an unset clock, or correct it by more, with --authority-key K (the municipality's authority key itself).")
                : new(
                    "a dock-key session may not do " + request + ".",
                    "use --authority-key K (the municipality's authority key itself) for this command."),
            _ => new(
                "the device answered with error code " + ((int)code).ToString(CultureInfo.InvariantCulture) + ", unknown to this bodycam.",
                "update bodycam to the device's protocol version."),
        };
    }

    /// <summary>Explains a key file that did not open.</summary>
    /// <param name="error">Why the file is not valid.</param>
    /// <returns>What is wrong and what to do next.</returns>
    public static ErrorHint ForKeyFile(KeyFileError error)
    {
        return error switch
        {
            KeyFileError.BadMagic => new(
                "this is not a bodycam key file.",
                "did you give a public key (.pub) or a certificate where a private key (.key) is wanted, or the other way round?"),
            KeyFileError.UnsupportedVersion => new(
                "the key file's version is newer than this bodycam knows.",
                "update bodycam to the release that wrote the key file."),
            KeyFileError.Malformed => new(
                "the key file is damaged (wrong length or fields).",
                "restore it from its backup; a key file cannot be repaired."),
            KeyFileError.BadParameters => new(
                "the key file's passphrase stretching parameters are outside what bodycam accepts (too weak or too costly).",
                "re-create the key with 'bodycam keys new' (or restore the original file)."),
            KeyFileError.WrongKeyType => new(
                "the key file holds another kind of key.",
                "did you mix up the files? --authority-key takes NAME.authority.key, --recipient-key NAME.recipient.key, --dock-key NAME.dock.key."),
            _ => new(
                "the key file is not valid (error " + ((int)error).ToString(CultureInfo.InvariantCulture) + ").",
                "restore it from its backup."),
        };
    }

    /// <summary>Explains a private key file that the passphrase did not open.</summary>
    /// <param name="passphraseVariable">The environment variable the passphrase came from.</param>
    /// <returns>What is wrong and what to do next.</returns>
    public static ErrorHint ForWrongPassphrase(string passphraseVariable)
    {
        ArgumentNullException.ThrowIfNull(passphraseVariable);
        return new(
            "the passphrase does not open the key file (or the file was altered).",
            "check " + passphraseVariable + ": it must hold the passphrase the key file was written with (the one given to 'bodycam keys new').");
    }

    private static string Seconds(uint milliseconds)
    {
        return ((milliseconds + 999) / 1000).ToString(CultureInfo.InvariantCulture) + " s";
    }
}
