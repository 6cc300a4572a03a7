using SkiaSharp;

namespace Notifications.Charts.Text;

/// <summary>The bundled Open Sans faces, loaded once from embedded resources.</summary>
internal static class Fonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("OpenSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("OpenSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = "Notifications.Charts.Fonts." + file;
        using var stream = typeof(Fonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded font '{name}' is missing");
        // Copy into an SKData the typeface owns, so no managed stream has to stay alive.
        var ms = new MemoryStream();
        stream.CopyTo(ms);
        var data = SKData.CreateCopy(ms.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"embedded font '{name}' could not be loaded");
    }
}
