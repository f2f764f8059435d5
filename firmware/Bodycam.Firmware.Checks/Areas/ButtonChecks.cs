using Bodycam.Firmware.Button;
using Bodycam.Firmware.Configuration;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>Gestures and debounce of the record button (docs/state-machine.md, "Button gestures"), default timings.</summary>
public static class ButtonChecks
{
    /// <summary>A second press inside the 600 ms window is one double press dated at the second press.</summary>
    public static void DoublePressInsideWindow()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        Press(r, 1000, 80);
        Press(r, 1250, 80);
        r.Advance(5000);
        log.Expect("2@1250", "double press");
    }

    /// <summary>A lone press is a single press once the window closes (plus the debounce), dated at the press.</summary>
    public static void SinglePressAfterWindow()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        Press(r, 1000, 100);
        r.Advance(1000 + 600 + 29);
        log.Expect(string.Empty, "nothing before the window closes");
        r.Advance(1000 + 600 + 30);
        log.Expect("1@1000", "single press");
    }

    /// <summary>A glitch shorter than the 30 ms debounce is no press.</summary>
    public static void GlitchIgnored()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        r.OnEdge(true, 1000);
        r.OnEdge(false, 1020);
        r.Advance(10000);
        log.Expect(string.Empty, "no gesture");
        Check.True(!r.IsPressed, "the button reads released");
    }

    /// <summary>Held 3 s: a hold while still held; released at 2.9 s: nothing.</summary>
    public static void HoldAtThreeSeconds()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        r.OnEdge(true, 1000);
        r.Advance(3999);
        log.Expect(string.Empty, "nothing before 3 s");
        r.Advance(4000);
        log.Expect("3@4000", "hold");

        var early = new GestureLog();
        ButtonGestureRecognizer e = early.Recognizer();
        Press(e, 1000, 2900);
        e.Advance(20000);
        early.Expect(string.Empty, "a 2.9 s hold is nothing");
    }

    /// <summary>A third quick press starts a new sequence.</summary>
    public static void TriplePressStartsNewSequence()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        Press(r, 1000, 60);
        Press(r, 1150, 60);
        Press(r, 1300, 60);
        r.Advance(5000);
        log.Expect("2@1150 1@1300", "double then single");
    }

    /// <summary>Held at boot: ignored until released, then normal; held past 30 s: stuck.</summary>
    public static void HeldAtBoot()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        r.Reset(true, 0);
        r.Advance(4000);
        r.OnEdge(false, 4000);
        r.Advance(4100);
        log.Expect(string.Empty, "nothing for the boot hold");
        Press(r, 5000, 80);
        Press(r, 5200, 80);
        r.Advance(7000);
        log.Expect("2@5200", "a double press after release");

        var stuck = new GestureLog();
        ButtonGestureRecognizer s = stuck.Recognizer();
        s.Reset(true, 0);
        s.Advance(30000);
        stuck.Expect("4@30000", "stuck at boot");
    }

    /// <summary>Held past the stuck limit: hold, stuck, and stuck-released on release.</summary>
    public static void StuckAndReleased()
    {
        var log = new GestureLog();
        ButtonGestureRecognizer r = log.Recognizer();
        r.OnEdge(true, 1000);
        r.Advance(40000);
        r.OnEdge(false, 40000);
        r.Advance(40100);
        log.Expect("3@4000 4@31000 5@40000", "hold, stuck, released");
    }

    /// <summary>An inconsistent configuration is refused with a typed error naming the field.</summary>
    public static void InvalidCombinationRefused()
    {
        var configuration = new DeviceConfiguration();
        configuration.DoublePressWindowMilliseconds = 150;
        configuration.DebounceMilliseconds = 60;
        try
        {
            new ButtonGestureRecognizer(configuration);
        }
        catch (ConfigurationException e)
        {
            Check.Equal("DebounceMilliseconds", e.Field, "the field named");
            return;
        }

        Check.Fail("a debounce as long as a third of the window was accepted");
    }

    private static void Press(ButtonGestureRecognizer r, long at, long length)
    {
        r.OnEdge(true, at);
        r.OnEdge(false, at + length);
    }

    private sealed class GestureLog
    {
        private string _text = string.Empty;

        public ButtonGestureRecognizer Recognizer()
        {
            var r = new ButtonGestureRecognizer(new DeviceConfiguration());
            r.Gesture += OnGesture;
            r.Reset(false, 0);
            return r;
        }

        public void Expect(string expected, string what)
        {
            Check.Equal(expected, _text, what);
        }

        private void OnGesture(ButtonGesture gesture, long timestamp)
        {
            _text += (_text.Length == 0 ? string.Empty : " ") + ((int)gesture).ToString() + "@" + timestamp.ToString();
        }
    }
}
