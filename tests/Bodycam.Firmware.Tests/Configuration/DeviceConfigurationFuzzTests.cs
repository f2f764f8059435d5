using System;
using System.Linq;
using System.Reflection;
using Bodycam.Firmware.Button;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.PreRecord;
using Bodycam.Testing;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.Configuration;

/// <summary>
/// Random values for every setting, in random order, then <see cref="DeviceConfiguration.Validate"/>: the only
/// failure is <see cref="ConfigurationException"/>, a rejected value leaves the setting as it was, and a
/// configuration that validates builds the parts sized from it.
/// </summary>
public class DeviceConfigurationFuzzTests
{
    private static readonly PropertyInfo[] s_settings = typeof(DeviceConfiguration).GetProperties()
        .Where(p => p.CanWrite && (p.PropertyType == typeof(long) || p.PropertyType == typeof(int) || p.PropertyType == typeof(bool)))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Setters_RandomValues_OnlyConfigurationExceptionsAndValidConfigurationsBuildParts()
    {
        // Values near the edges of the ranges are where mistakes live: mix small, edge-ish and extreme numbers.
        Gen<long> value = Gen.OneOf(Gen.Long[-10, 200_000], Gen.Long, Gen.Const(long.MaxValue), Gen.Const(long.MinValue), Gen.Long[0, 100]);
        Gen<(int Setting, long Value)> assignment = Gen.Select(Gen.Int[0, s_settings.Length - 1], value);

        assignment.Array[0, 30].Sample(
            assignments => FuzzGuard.Run(
                () =>
                {
                    var configuration = new DeviceConfiguration();
                    foreach ((int setting, long v) in assignments)
                    {
                        Assign(configuration, s_settings[setting], v);
                    }

                    try
                    {
                        configuration.Validate();
                    }
                    catch (ConfigurationException)
                    {
                        return;
                    }

                    _ = new ButtonGestureRecognizer(configuration);

                    // The arena is one allocation of the configured size; build it when small, to keep the run short.
                    if (configuration.PreRecordArenaBytes <= 1024 * 1024)
                    {
                        _ = new PreRecordBuffer(configuration.PreRecordArenaBytes, configuration.PreRecordFrameCapacity, configuration.PreRecordWindowMilliseconds, configuration.PreRecordIncludesAudio);
                    }
                },
                assignments.Length + " assignments"),
            seed: "0000000000000",
            threads: 1,
            iter: 3000);
    }

    [Fact]
    public void Settings_Found()
    {
        Assert.True(s_settings.Length >= 15);
    }

    private static void Assign(DeviceConfiguration configuration, PropertyInfo setting, long value)
    {
        object? before = setting.GetValue(configuration);
        object boxed = setting.PropertyType == typeof(bool) ? value % 2 == 0 : setting.PropertyType == typeof(int) ? (object)unchecked((int)value) : value;
        try
        {
            setting.SetValue(configuration, boxed);
        }
        catch (TargetInvocationException e) when (e.InnerException is ConfigurationException)
        {
            Assert.Equal(before, setting.GetValue(configuration));
        }
    }
}
