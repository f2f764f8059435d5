using System;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Bodycam.Emulator.Live;

/// <summary>Draws a <see cref="LiveViewModel"/> with Spectre.Console.</summary>
public static class LiveRenderer
{
    /// <summary>Builds the renderable for one frame of the view.</summary>
    /// <param name="model">The snapshot.</param>
    /// <returns>The renderable.</returns>
    public static IRenderable Render(LiveViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap());
        grid.AddColumn();
        grid.AddRow("[bold]device[/]", Markup.Escape(model.Device));
        grid.AddRow("[bold]time[/]", Markup.Escape(model.Time));
        grid.AddRow("[bold]state[/]", Markup.Escape(model.State) + (model.Docked && model.State != "docked" ? " [blue](in dock)[/]" : string.Empty));
        if (model.DockEndpoints.Length > 0)
        {
            grid.AddRow("[bold]dock[/]", Markup.Escape(model.DockEndpoints) + (model.Docked ? " [blue](answering)[/]" : " [grey](answers while docked)[/]"));
        }

        grid.AddRow("[bold]recording LED[/]", Led(model.RecordingLed, "red"));
        grid.AddRow("[bold]status LED[/]", Led(model.StatusLed, "green"));
        grid.AddRow("[bold]pre-record buffer[/]", Markup.Escape(Bar(model.BufferPercent)));
        grid.AddRow("[bold]storage[/]", Markup.Escape(Bar(model.StoragePercent)));
        grid.AddRow("[bold]battery[/]", Markup.Escape(Bar(model.BatteryPercent)));
        grid.AddRow("[bold]recordings[/]", model.Recordings.Count == 0 ? "none" : Markup.Escape(string.Join("\n", model.Recordings)));
        grid.AddRow("[bold]events[/]", Markup.Escape(string.Join("\n", model.Events)));
        return new Rows(new Panel(grid).Header("bodycam-emu live").Expand(), new Markup("[grey]" + Markup.Escape(LiveKeyMap.Help) + "[/]"));
    }

    /// <summary>A text bar of a percentage, e.g. <c>[#####.....]  50%</c>.</summary>
    /// <param name="percent">0..100.</param>
    /// <returns>The bar (plain text; escape it for markup).</returns>
    public static string Bar(int percent)
    {
        int p = Math.Clamp(percent, 0, 100);
        int filled = p / 5;
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "] " + p.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3) + "%";
    }

    private static string Led(string pattern, string colour)
    {
        return pattern == "off" ? "[grey]o off[/]" : "[" + colour + "]\u25cf[/] " + Markup.Escape(pattern);
    }
}
