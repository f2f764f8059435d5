using System;

namespace Bodycam.Emulator.Live;

/// <summary>The keys of live mode.</summary>
public static class LiveKeyMap
{
    /// <summary>The help line shown under the view.</summary>
    public const string Help = "[s] single press  [d] double press (record)  [h] hold 3.5s (stop)  [k] dock/undock  [p] power cut/on  [q] quit";

    /// <summary>Maps a key to its action.</summary>
    /// <param name="key">The key character (case-insensitive).</param>
    /// <returns>The action, or <see cref="LiveAction.None"/>.</returns>
    public static LiveAction Map(char key)
    {
        return char.ToLowerInvariant(key) switch
        {
            's' or ' ' => LiveAction.SinglePress,
            'd' => LiveAction.DoublePress,
            'h' => LiveAction.HoldPress,
            'k' => LiveAction.ToggleDock,
            'p' => LiveAction.TogglePower,
            'q' or '\u001b' => LiveAction.Quit,
            _ => LiveAction.None,
        };
    }

    /// <summary>The button edges of a press action as (offset from now in ms, pressed) pairs.</summary>
    /// <param name="action">A press action.</param>
    /// <returns>The edges, in order.</returns>
    public static (long OffsetMilliseconds, bool Pressed)[] Edges(LiveAction action)
    {
        return action switch
        {
            LiveAction.SinglePress => new[] { (0L, true), (120L, false) },
            LiveAction.DoublePress => new[] { (0L, true), (120L, false), (270L, true), (390L, false) },
            LiveAction.HoldPress => new[] { (0L, true), (3500L, false) },
            _ => Array.Empty<(long, bool)>(),
        };
    }
}
