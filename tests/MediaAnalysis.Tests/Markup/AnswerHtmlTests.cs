using MediaAnalysis.Markup;

namespace MediaAnalysis.Tests.Markup;

public sealed class AnswerHtmlTests
{
    private static string Html(string markdown, Func<double, string?>? cite = null)
    {
        using var writer = new StringWriter();
        AnswerHtml.Write(writer, AnswerDocument.Parse(markdown), cite);
        return writer.ToString();
    }

    [Theory]
    [InlineData("**bold** *it* ~~gone~~ `x<y`", "<p><strong>bold</strong> <em>it</em> <del>gone</del> <code>x&lt;y</code></p>\n")]
    [InlineData("# Title", "<h4>Title</h4>\n")]
    [InlineData("- a\n- b", "<ul>\n<li>a\n</li>\n<li>b\n</li>\n</ul>\n")]
    [InlineData("3. c", "<ol start=\"3\">\n<li>c\n</li>\n</ol>\n")]
    [InlineData("[docs](https://example.com/a?b=1&c=2)", "<p><a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">docs</a></p>\n")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<div class=\"table\"><table>\n<tr><th scope=\"col\">a</th><th scope=\"col\">b</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table></div>\n")]
    [InlineData("会議 😀", "<p>会議 😀</p>\n")]
    public void Markdown_becomes_html(string markdown, string html) => Assert.Equal(html, Html(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java&#x73;cript:alert(1))")]
    [InlineData("[click](<javascript:alert(1)>)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[a](https://ok.example/\" onmouseover=\"alert(1))")]
    [InlineData("```\n</code></pre><script>alert(1)</script>\n```")]
    public void Untrusted_markdown_stays_inert(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onerror=", html.Replace("&lt;img src=x onerror=", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Images_are_links_never_loaded() =>
        Assert.Equal("<p><a href=\"https://example.com/c.png\" rel=\"noopener noreferrer nofollow\">image: chart</a></p>\n", Html("![chart](https://example.com/c.png)"));

    [Fact]
    public void Citations_link_to_their_paragraph_and_unknown_ones_stay_text()
    {
        var html = Html("At [1:05] and [1:02:03-1:03:00], not [9:99] or [7:00].", s => s < 4000 && s != 420 ? $"t{s}" : null);

        Assert.Contains("<a class=\"cite\" href=\"#t65\">[1:05]</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"cite\" href=\"#t3723\">[1:02:03-1:03:00]</a>", html, StringComparison.Ordinal);
        Assert.Contains("not [9:99] or [7:00].", html, StringComparison.Ordinal);
    }
}
