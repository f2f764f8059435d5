using System;
using System.Collections.Generic;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;
using Xunit;

namespace Bodycam.Sdk.Tests.Hints;

public class ErrorHintsTests
{
    public static TheoryData<DockErrorCode> DockErrorCodes()
    {
        var data = new TheoryData<DockErrorCode>();
        foreach (DockErrorCode code in Enum.GetValues<DockErrorCode>())
        {
            data.Add(code);
        }

        return data;
    }

    public static TheoryData<KeyFileError> KeyFileErrors()
    {
        var data = new TheoryData<KeyFileError>();
        foreach (KeyFileError error in Enum.GetValues<KeyFileError>())
        {
            data.Add(error);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DockErrorCodes))]
    public void ForDockError_EveryCode_GivesItsOwnMeaningAndAHint(DockErrorCode code)
    {
        ErrorHint hint = ErrorHints.ForDockError(code, DockCommandCode.ListRecordings, 0);

        Assert.False(string.IsNullOrWhiteSpace(hint.Meaning));
        Assert.False(string.IsNullOrWhiteSpace(hint.Hint));
        Assert.DoesNotContain("unknown to this bodycam", hint.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void ForDockError_EveryCode_GivesADifferentHint()
    {
        var seen = new HashSet<string>();
        foreach (DockErrorCode code in Enum.GetValues<DockErrorCode>())
        {
            Assert.True(seen.Add(ErrorHints.ForDockError(code, DockCommandCode.ListRecordings, 0).Hint), code + " repeats another code's hint");
        }
    }

    [Theory]
    [InlineData(DockErrorCode.NotAuthenticated, 0u, "--authority-key")]
    [InlineData(DockErrorCode.NotAuthenticated, 1u, "again")]
    [InlineData(DockErrorCode.AuthenticationFailed, 0u, "bodycam device info")]
    [InlineData(DockErrorCode.AuthenticationFailed, 1u, "--timeout")]
    [InlineData(DockErrorCode.AuthenticationFailed, 2u, "certify-dock")]
    [InlineData(DockErrorCode.AuthenticationFailed, 3u, "--not-after")]
    [InlineData(DockErrorCode.BadRequest, 1u, "docs/configuration.md")]
    [InlineData(DockErrorCode.BadRequest, 2u, "continuation files")]
    [InlineData(DockErrorCode.AlreadyProvisioned, 0u, "bodycam device reset")]
    [InlineData(DockErrorCode.AlreadyProvisioned, 1u, "out of service")]
    [InlineData(DockErrorCode.RateLimited, 4000u, "wait 4 s")]
    [InlineData(DockErrorCode.StaleConfiguration, 0u, "--sequence")]
    [InlineData(DockErrorCode.NotEmpty, 3u, "bodycam offload")]
    [InlineData(DockErrorCode.Forbidden, 0u, "--authority-key")]
    [InlineData(DockErrorCode.NotProvisioned, 0u, "bodycam device provision")]
    public void ForDockError_Detail_SaysWhatToDo(DockErrorCode code, uint detail, string expected)
    {
        ErrorHint hint = ErrorHints.ForDockError(code, DockCommandCode.ReadAudit, detail);

        Assert.Contains(expected, hint.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ForDockError_SessionExpired_SaysSoInTheMeaning()
    {
        ErrorHint hint = ErrorHints.ForDockError(DockErrorCode.NotAuthenticated, DockCommandCode.ReadRecording, 1);

        Assert.Contains("session expired", hint.Meaning, StringComparison.Ordinal);
        Assert.Contains("ReadRecording", hint.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void ForDockError_CodeFromANewerDevice_SaysToUpdate()
    {
        ErrorHint hint = ErrorHints.ForDockError((DockErrorCode)99, DockCommandCode.Info, 0);

        Assert.Contains("99", hint.Meaning, StringComparison.Ordinal);
        Assert.Contains("update bodycam", hint.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KeyFileErrors))]
    public void ForKeyFile_EveryError_GivesItsOwnHint(KeyFileError error)
    {
        ErrorHint hint = ErrorHints.ForKeyFile(error);

        Assert.False(string.IsNullOrWhiteSpace(hint.Meaning));
        Assert.DoesNotContain("(error ", hint.Meaning, StringComparison.Ordinal);
        foreach (KeyFileError other in Enum.GetValues<KeyFileError>())
        {
            Assert.True(other == error || ErrorHints.ForKeyFile(other).Hint != hint.Hint);
        }
    }

    [Theory]
    [InlineData(KeyFileError.WrongKeyType, "did you mix up")]
    [InlineData(KeyFileError.BadMagic, "did you give a public key")]
    [InlineData(KeyFileError.UnsupportedVersion, "update bodycam")]
    [InlineData(KeyFileError.Malformed, "backup")]
    [InlineData(KeyFileError.BadParameters, "bodycam keys new")]
    public void ForKeyFile_Error_SaysWhatToDo(KeyFileError error, string expected)
    {
        Assert.Contains(expected, ErrorHints.ForKeyFile(error).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ForWrongPassphrase_NamesTheVariable()
    {
        Assert.Contains("MY_PASSPHRASE", ErrorHints.ForWrongPassphrase("MY_PASSPHRASE").Hint, StringComparison.Ordinal);
    }
}
