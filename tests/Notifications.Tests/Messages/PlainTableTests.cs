using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Notifications.Messages;

namespace Notifications.Tests.Messages;

public sealed class PlainTableTests
{
    [Fact]
    public void Cells_keep_inline_code_and_links()
    {
        var table = ResultMarkdown.Parse("| key | value |\n|---|---|\n| a | `x = 1` |\n| b | <https://example.com> |").Descendants<Table>().Single();
        var text = PlainTable.Render(table);
        Assert.Equal("key | value\n----+--------------------\na   | x = 1\nb   | https://example.com", text);
    }
}
