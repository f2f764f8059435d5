using System;
using System.Collections.Generic;
using Bodycam.Firmware.Button;
using Bodycam.Firmware.Configuration;
using Xunit;

namespace Bodycam.Firmware.Tests.Button;

public class ButtonGestureRecognizerTests
{
    private readonly DeviceConfiguration _configuration = new DeviceConfiguration();
    private readonly List<(ButtonGesture Gesture, long Time)> _gestures = new List<(ButtonGesture, long)>();
    private readonly ButtonGestureRecognizer _recognizer;

    public ButtonGestureRecognizerTests()
    {
        _recognizer = new ButtonGestureRecognizer(_configuration);
        _recognizer.Gesture += (gesture, time) => _gestures.Add((gesture, time));
        _recognizer.Reset(false, 0);
    }

    [Fact]
    public void DoublePress_SecondPressInsideWindow_RaisesDoublePressAtSecondPress()
    {
        Press(1000, 80);
        Press(1250, 80);
        _recognizer.Advance(5000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 1250L) }, _gestures);
    }

    [Fact]
    public void SinglePress_NoSecondPress_RaisesSinglePressAfterWindowDatedAtPress()
    {
        Press(1000, 100);
        _recognizer.Advance(1000 + 600 + 29);
        Assert.Empty(_gestures);

        _recognizer.Advance(1000 + 600 + 30);

        Assert.Equal(new[] { (ButtonGesture.SinglePress, 1000L) }, _gestures);
    }

    [Fact]
    public void DoublePress_SecondPressAfterWindow_IsTwoSinglePresses()
    {
        Press(1000, 80);
        Press(1700, 80);
        _recognizer.Advance(5000);

        Assert.Equal(new[] { (ButtonGesture.SinglePress, 1000L), (ButtonGesture.SinglePress, 1700L) }, _gestures);
    }

    [Fact]
    public void DoublePress_SecondPressSettlingAfterWindow_StillCountsWhenItBeganInside()
    {
        Press(1000, 80);
        Press(1590, 80);
        _recognizer.Advance(5000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 1590L) }, _gestures);
    }

    [Fact]
    public void Hold_ThreeSeconds_RaisesHoldWhileHeld()
    {
        _recognizer.OnEdge(true, 1000);
        _recognizer.Advance(3999);
        Assert.Empty(_gestures);

        _recognizer.Advance(4000);

        Assert.Equal(new[] { (ButtonGesture.Hold, 4000L) }, _gestures);
    }

    [Fact]
    public void Hold_ReleasedAt2900_RaisesNothing()
    {
        Press(1000, 2900);
        _recognizer.Advance(20000);

        Assert.Empty(_gestures);
    }

    [Fact]
    public void Hold_ReleasedAt2990WithDebouncePending_ReleaseWins()
    {
        Press(1000, 2990);
        _recognizer.Advance(20000);

        Assert.Empty(_gestures);
    }

    [Fact]
    public void Hold_ReleaseBounceBackBeforeLimit_StillRaisesHold()
    {
        _recognizer.OnEdge(true, 1000);
        _recognizer.OnEdge(false, 3990);
        _recognizer.OnEdge(true, 3995);
        _recognizer.Advance(4100);

        Assert.Equal(new[] { (ButtonGesture.Hold, 4000L) }, _gestures);
    }

    [Fact]
    public void DoublePress_SecondPressHeld_DoesNotRaiseHold()
    {
        Press(1000, 80);
        _recognizer.OnEdge(true, 1200);
        _recognizer.Advance(1200 + 5000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 1200L) }, _gestures);
    }

    [Fact]
    public void Press_ReleasedAfterWindowBeforeHold_IsAbandoned()
    {
        Press(1000, 1500);
        _recognizer.Advance(10000);

        Assert.Empty(_gestures);
    }

    [Fact]
    public void BouncyPress_AtTheMinimumDebounce_IsOneSinglePressNotADoublePress()
    {
        // A tactile switch bouncing for 5 ms on press and on release (an edge every millisecond), with the
        // smallest debounce the configuration accepts: one press, so nothing starts a recording.
        var configuration = new DeviceConfiguration { DebounceMilliseconds = ConfigurationSchema.MinimumDebounceMilliseconds };
        var gestures = new List<(ButtonGesture Gesture, long Time)>();
        var recognizer = new ButtonGestureRecognizer(configuration);
        recognizer.Gesture += (gesture, time) => gestures.Add((gesture, time));
        recognizer.Reset(false, 0);
        for (int i = 0; i <= 5; i++)
        {
            recognizer.OnEdge(i % 2 == 0, 1000 + i);
        }

        recognizer.OnEdge(true, 1006);
        for (int i = 0; i <= 5; i++)
        {
            recognizer.OnEdge(i % 2 != 0, 1100 + i);
        }

        recognizer.OnEdge(false, 1106);
        recognizer.Advance(5000);

        Assert.Equal(new[] { (ButtonGesture.SinglePress, 1000L) }, gestures);
    }

    [Fact]
    public void Glitch_ShorterThanDebounce_IsIgnored()
    {
        _recognizer.OnEdge(true, 1000);
        _recognizer.OnEdge(false, 1020);
        _recognizer.Advance(10000);

        Assert.Empty(_gestures);
        Assert.False(_recognizer.IsPressed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void DoublePress_WithBounceNoiseOnEveryEdge_RaisesOneDoublePress(int seed)
    {
        var random = new Random(seed);
        BouncyPress(random, 1000, 90);
        BouncyPress(random, 1260, 90);
        _recognizer.Advance(6000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 1260L) }, _gestures);
    }

    [Fact]
    public void TriplePress_ThirdPressStartsNewSequence()
    {
        Press(1000, 60);
        Press(1150, 60);
        Press(1300, 60);
        _recognizer.Advance(5000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 1150L), (ButtonGesture.SinglePress, 1300L) }, _gestures);
    }

    [Fact]
    public void HeldAtBoot_IgnoredUntilReleasedThenNormal()
    {
        _recognizer.Reset(true, 0);
        _recognizer.Advance(4000);
        _recognizer.OnEdge(false, 4000);
        _recognizer.Advance(4100);
        Assert.Empty(_gestures);

        Press(5000, 80);
        Press(5200, 80);
        _recognizer.Advance(7000);

        Assert.Equal(new[] { (ButtonGesture.DoublePress, 5200L) }, _gestures);
    }

    [Fact]
    public void HeldAtBoot_BeyondStuckLimit_RaisesStuck()
    {
        _recognizer.Reset(true, 0);
        _recognizer.Advance(30000);

        Assert.Equal(new[] { (ButtonGesture.Stuck, 30000L) }, _gestures);
    }

    [Fact]
    public void Stuck_HeldBeyondLimit_RaisesHoldStuckAndStuckReleased()
    {
        _recognizer.OnEdge(true, 1000);
        _recognizer.Advance(40000);
        _recognizer.OnEdge(false, 40000);
        _recognizer.Advance(40100);

        Assert.Equal(
            new[]
            {
                (ButtonGesture.Hold, 4000L),
                (ButtonGesture.Stuck, 31000L),
                (ButtonGesture.StuckReleased, 40000L),
            },
            _gestures);
    }

    [Fact]
    public void NextDeadline_Idle_IsMaxValue()
    {
        Assert.Equal(long.MaxValue, _recognizer.NextDeadlineMilliseconds);
    }

    [Fact]
    public void NextDeadline_WhilePressed_IsDebounceThenHold()
    {
        _recognizer.OnEdge(true, 1000);
        Assert.Equal(1030, _recognizer.NextDeadlineMilliseconds);

        _recognizer.Advance(1030);

        Assert.Equal(4000, _recognizer.NextDeadlineMilliseconds);
    }

    [Fact]
    public void Edge_OlderThanCurrentTime_IsTakenAsNow()
    {
        _recognizer.Advance(2000);
        _recognizer.OnEdge(true, 1500);
        _recognizer.Advance(2000 + 3000);

        Assert.Equal(new[] { (ButtonGesture.Hold, 5000L) }, _gestures);
    }

    [Fact]
    public void Constructor_InvalidCombination_Throws()
    {
        var configuration = new DeviceConfiguration { DoublePressWindowMilliseconds = 150, DebounceMilliseconds = 60 };

        var ex = Assert.Throws<ConfigurationException>(() => new ButtonGestureRecognizer(configuration));

        Assert.Equal("DebounceMilliseconds", ex.Field);
    }

    private void Press(long at, long duration)
    {
        _recognizer.OnEdge(true, at);
        _recognizer.OnEdge(false, at + duration);
    }

    private void BouncyPress(Random random, long at, long duration)
    {
        // Contact bounce: a few alternating edges within 0-8 ms of each transition (shorter than the 30 ms debounce).
        _recognizer.OnEdge(true, at);
        long t = at;
        int bounces = random.Next(1, 5);
        for (int i = 0; i < bounces; i++)
        {
            t += random.Next(1, 4);
            _recognizer.OnEdge(false, t);
            t += random.Next(1, 4);
            _recognizer.OnEdge(true, t);
        }

        long release = at + duration;
        _recognizer.OnEdge(false, release);
        t = release;
        for (int i = 0; i < bounces; i++)
        {
            t += random.Next(1, 4);
            _recognizer.OnEdge(true, t);
            t += random.Next(1, 4);
            _recognizer.OnEdge(false, t);
        }
    }
}
