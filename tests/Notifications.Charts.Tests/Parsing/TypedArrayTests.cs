using System.Text.Json;
using Notifications.Charts.Parsing;

namespace Notifications.Charts.Tests.Parsing;

public sealed class TypedArrayTests
{
    private static double[] Decode(string dtype, byte[] bytes, string? shape = null)
    {
        var json = $"{{\"dtype\":\"{dtype}\",\"bdata\":\"{Convert.ToBase64String(bytes)}\"{(shape is null ? "" : $",\"shape\":\"{shape}\"")}}}";
        using var doc = JsonDocument.Parse(json);
        return DataArray.From(doc.RootElement.Clone(), "y").Numbers;
    }

    [Theory]
    [InlineData("i1", new double[] { -128, 0, 127 })]
    [InlineData("u1", new double[] { 0, 200, 255 })]
    [InlineData("u1c", new double[] { 0, 200, 255 })]
    [InlineData("i2", new double[] { -32768, 5, 32767 })]
    [InlineData("u2", new double[] { 0, 5, 65535 })]
    [InlineData("i4", new double[] { -2147483648, 5, 2147483647 })]
    [InlineData("u4", new double[] { 0, 5, 4294967295 })]
    [InlineData("f4", new double[] { -1.5, 0.25, 1e6 })]
    [InlineData("f8", new double[] { -1.5, 0.1, 1e300 })]
    public void Decodes_every_plotly_dtype(string dtype, double[] expected)
    {
        byte[] bytes = dtype switch
        {
            "i1" => expected.Select(v => (byte)(sbyte)v).ToArray(),
            "u1" or "u1c" => expected.Select(v => (byte)v).ToArray(),
            "i2" => expected.SelectMany(v => BitConverter.GetBytes((short)v)).ToArray(),
            "u2" => expected.SelectMany(v => BitConverter.GetBytes((ushort)v)).ToArray(),
            "i4" => expected.SelectMany(v => BitConverter.GetBytes((int)v)).ToArray(),
            "u4" => expected.SelectMany(v => BitConverter.GetBytes((uint)v)).ToArray(),
            "f4" => expected.SelectMany(v => BitConverter.GetBytes((float)v)).ToArray(),
            _ => expected.SelectMany(BitConverter.GetBytes).ToArray(),
        };
        Assert.Equal(expected, Decode(dtype, bytes));
    }

    [Fact]
    public void Two_dimensional_shape_is_flattened()
    {
        var values = new double[] { 1, 2, 3, 4, 5, 6 };
        Assert.Equal(values, Decode("f8", values.SelectMany(BitConverter.GetBytes).ToArray(), "2, 3"));
    }

    [Fact]
    public void Little_endian_prefix_is_accepted_and_big_endian_is_swapped()
    {
        Assert.Equal(new double[] { 258 }, Decode("<i2", new byte[] { 2, 1 }));
        Assert.Equal(new double[] { 258 }, Decode(">i2", new byte[] { 1, 2 }));
    }

    [Fact]
    public void Unknown_dtype_is_named_in_the_error()
    {
        var ex = Assert.Throws<ChartRenderException>(() => Decode("c16", new byte[16]));
        Assert.Contains("c16", ex.Message);
    }

    [Fact]
    public void Typed_array_figure_renders_like_the_plain_list()
    {
        var ys = new double[] { 3, 1, 4, 1, 5 };
        var b64 = Convert.ToBase64String(ys.SelectMany(BitConverter.GetBytes).ToArray());
        var typed = $$$"""{"data":[{"type":"bar","y":{"dtype":"f8","bdata":"{{{b64}}}"}}],"layout":{}}""";
        var plain = """{"data":[{"type":"bar","y":[3,1,4,1,5]}],"layout":{}}""";
        var r = new PlotlyChartRenderer();
        Assert.Equal(r.Render(plain).Png, r.Render(typed).Png);
    }
}
