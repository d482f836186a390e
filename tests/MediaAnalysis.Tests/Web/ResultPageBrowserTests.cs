using System.Net;
using Deque.AxeCore.Playwright;
using MediaAnalysis.Jobs;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MediaAnalysis.Tests.Web;

// The results page in a real Chromium (Debian's, no browser download), served by the real app from a real SQLite file.
public sealed class ResultPageBrowserTests(ResultPageSite site, ITestOutputHelper output) : IClassFixture<ResultPageSite>
{
    [Fact]
    public async Task A_finished_jobs_page_shows_six_answers_side_by_side_and_works()
    {
        var (jobId, token) = await site.RunningJobAsync("done");
        await site.Worker.SaveTranscriptAsync(jobId, "words", "en", TranscriptDocument.Write(ResultPageContent.Paragraphs(), false), CancellationToken.None);
        foreach (var outcome in ResultPageContent.Outcomes())
        {
            await site.Worker.SaveAnswerAsync(jobId, outcome, CancellationToken.None);
        }
        await site.Worker.FinishAsync(jobId, JobState.Done, null, DateTimeOffset.UtcNow, CancellationToken.None);
        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Address.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };

        var response = await page.GotoAsync(site.PageUrl(token).ToString());

        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Contains("noindex", headers["x-robots-tag"], StringComparison.Ordinal);
        Assert.Equal("private, no-store", headers["cache-control"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);

        // The header names the language, as the chat statuses do ("English", not "en").
        Assert.Contains("English", await page.Locator("header").First.InnerTextAsync(), StringComparison.Ordinal);
        // Six cells: prompts as rows, models as columns, in order; the failed one says why.
        Assert.Equal(6, await page.Locator("article.cell").CountAsync());
        Assert.Equal(ResultPageSite.Prompts, await page.Locator("section.prompt > h2").AllInnerTextsAsync());
        for (var p = 0; p < 2; p++)
        {
            Assert.Equal(ResultPageSite.Models, await page.Locator($"section.prompt:nth-of-type({p + 1}) article.cell h3").AllInnerTextsAsync());
        }
        Assert.Contains(ResultPageContent.Reason, await page.Locator("#c1-2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("12,040 → 412 tokens · $0.0021 · 4.2 s", await page.Locator("#c0-0").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("$4.0105", await page.Locator("dl.facts div:nth-child(4) dd").InnerTextAsync());
        Assert.Equal("2", await page.Locator("dl.facts div:nth-child(3) dd").InnerTextAsync());

        // The search box filters paragraphs as one types.
        await page.Locator("#q").PressSequentiallyAsync("budget");
        Assert.Equal(3, await page.Locator(".para:visible").CountAsync());
        await page.Locator("#q").FillAsync("");
        Assert.Equal(40, await page.Locator(".para:visible").CountAsync());

        // A citation scrolls to its paragraph (90 s is the seventh).
        await page.Locator("#c0-0 a.cite").First.ClickAsync();
        await page.WaitForURLAsync("**#t7");
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.getElementById('t7').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"));

        // Copy puts the answer's text on the clipboard.
        await page.Locator("#c0-0 button.copy").ClickAsync();
        await Assertions.Expect(page.Locator("#c0-0 button.copy")).ToContainTextAsync("Copied the answer");
        Assert.Equal(await page.Locator("#c0-0-a").InnerTextAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // The injection attempts are text: no script, image or svg from the answer, no javascript: link, nothing ran.
        var xss = page.Locator("#c0-1-a");
        Assert.Equal(0, await xss.Locator("script, img, svg, [onerror], [onload], [onmouseover]").CountAsync());
        Assert.All(await xss.Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"), href => Assert.StartsWith("https://", href, StringComparison.Ordinal));
        Assert.All(await xss.Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.rel)"), rel => Assert.Equal("noopener noreferrer nofollow", rel));
        Assert.Contains("<script>window.__xss = 1</script>", await xss.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));

        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, "page-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        var first = await page.Locator("#c0-0").BoundingBoxAsync();
        var second = await page.Locator("#c0-1").BoundingBoxAsync();
        Assert.Equal(first!.X, second!.X);
        Assert.True(second.Y > first.Y + first.Height - 1, "the cells of a prompt stack at 375 px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "nothing is wider than the phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, "page-375.png"), FullPage = true });
        output.WriteLine($"screenshots: {site.ScreenshotFolder}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Answered_follow_up_questions_get_their_own_section_below_the_verdict()
    {
        var (jobId, token) = await site.RunningJobAsync("questions");
        await site.Worker.SaveTranscriptAsync(jobId, "words", "en", TranscriptDocument.Write(ResultPageContent.Paragraphs(), false), CancellationToken.None);
        foreach (var outcome in ResultPageContent.Outcomes().Append(ResultPageContent.Verdict()))
        {
            await site.Worker.SaveAnswerAsync(jobId, outcome, CancellationToken.None);
        }
        await ResultPageContent.AskAsync(site.Worker.Questions, jobId, "q1", "Who owns <b>marketing</b>?", "Nobody yet: it was left open [5:15].");
        await ResultPageContent.AskAsync(site.Worker.Questions, jobId, "q2", "And the budget?", "**40,000 euros** [1:30].");
        await ResultPageContent.AskAsync(site.Worker.Questions, jobId, "q3", "Still being answered?", null);
        await site.Worker.FinishAsync(jobId, JobState.Done, null, DateTimeOffset.UtcNow, CancellationToken.None);
        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.PageUrl(token).ToString());

        // Below the verdict, oldest first; a person's words stay text; a question still being answered is not shown.
        Assert.Equal(["verdict", "questions", "transcript"], await page.Locator("main > section[id]:not(#answers)").EvaluateAllAsync<string[]>("s => s.map(e => e.id)"));
        Assert.Equal(["Who owns <b>marketing</b>?", "And the budget?"], await page.Locator("#questions article.qa h3").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("#questions b").CountAsync());
        Assert.Equal("40,000 euros", await page.Locator("#questions article.qa:nth-of-type(2) strong").InnerTextAsync());
        Assert.DoesNotContain("Still being answered?", await page.ContentAsync(), StringComparison.Ordinal);
        // Its citations link to their paragraphs, as the answers' do (5:15 is the 22nd).
        await page.Locator("#questions a.cite").First.ClickAsync();
        await page.WaitForURLAsync("**#t22");
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, "page-questions.png"), FullPage = true });
    }

    [Fact]
    public async Task A_running_jobs_page_fills_in_as_answers_arrive_then_stops_asking()
    {
        var (jobId, token) = await site.RunningJobAsync("live");
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var polls = 0;
        page.Request += (_, r) => { if (r.Url.EndsWith("/state", StringComparison.Ordinal)) { polls++; } };
        await page.GotoAsync(site.PageUrl(token).ToString());
        Assert.Equal(6, await page.Locator("article.cell .waiting").CountAsync());

        await site.Worker.SaveTranscriptAsync(jobId, "words", "en", TranscriptDocument.Write(ResultPageContent.Paragraphs(), false), CancellationToken.None);
        await site.Worker.SaveAnswerAsync(jobId, ResultPageContent.Outcomes()[0], CancellationToken.None);
        await Assertions.Expect(page.Locator("#c0-0[data-done='1'] .answer")).ToContainTextAsync("The team planned the launch.", new() { Timeout = 15_000 });
        Assert.Equal(40, await page.Locator(".para").CountAsync());
        Assert.Equal(5, await page.Locator("article.cell .waiting").CountAsync());

        foreach (var outcome in ResultPageContent.Outcomes().Skip(1))
        {
            await site.Worker.SaveAnswerAsync(jobId, outcome, CancellationToken.None);
        }
        await site.Worker.FinishAsync(jobId, JobState.Done, null, DateTimeOffset.UtcNow, CancellationToken.None);
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("done", new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("article.cell .waiting").CountAsync());
        Assert.Contains(ResultPageContent.Reason, await page.Locator("#c1-2").InnerTextAsync(), StringComparison.Ordinal);

        var asked = polls;
        await page.WaitForTimeoutAsync(3500);
        Assert.Equal(asked, polls);
    }

    [Fact]
    public async Task Unknown_malformed_and_expired_links_get_the_same_404()
    {
        var (jobId, token) = await site.RunningJobAsync("gone");
        await site.Worker.DeleteJobAsync(jobId, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = site.Address };
        var bodies = new List<string>();

        foreach (var path in new[] { $"/r/{PageToken.New()}", "/r/not-a-token", "/r/%3Cscript%3E", $"/r/{token}", $"/r/{token}/state" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var cache = string.Join(",", response.Headers.GetValues("Cache-Control"));
            Assert.Contains("private", cache, StringComparison.Ordinal);
            Assert.Contains("no-store", cache, StringComparison.Ordinal);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
    }
}
