using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Storage;
using MediaAnalysis.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Web;

// The panel verdict is stored as an answer under its reserved prompt: the page shows it in its own section,
// never as a seventh cell (nor a third prompt row), and escapes it like any model output.
public sealed class ResultPageVerdictTests
{
    [Fact]
    public async Task A_stored_verdict_gets_its_own_section_and_no_cell()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ma-verdict-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var options = Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory, "jobs.db")}" });
        using (var store = new SqliteJobStore(options, NullLogger<SqliteJobStore>.Instance))
        {
            await store.InitializeAsync(CancellationToken.None);
            var job = (await store.EnqueueAsync(QueueHarness.Request(new Uri("https://cdn.example/sync.mp4"), "t1", "t1-key"), 10, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
            var token = PageToken.New();
            await store.SetPageTokenAsync(job.Id, token, CancellationToken.None);
            foreach (var outcome in ResultPageContent.Outcomes())
            {
                await store.SaveAnswerAsync(job.Id, outcome, CancellationToken.None);
            }
            var verdict = new PanelVerdict(
                ["The budget is 40,000 euros <script>window.x=1</script>"],
                [new VerdictDisagreement("Who owns marketing", [new(ResultPageSite.Models[0], "Nobody yet"), new(ResultPageSite.Models[1], "Ana")])],
                [new VerdictClaim(ResultPageSite.Models[2], "The review moved to Friday")]);
            await store.SaveAnswerAsync(job.Id, new ModelOutcome.Succeeded(PanelVerdict.Prompt, "openai/gpt-4o", TimeSpan.FromSeconds(3), 1,
                PanelVerdictJson.Write(verdict), "openai/gpt-4o", 900, 120, 0.5m), CancellationToken.None);

            var analysis = Options.Create(new AnalysisOptions());
            var loaded = await new ResultPageLoader(store, store.Questions, analysis).LoadAsync(token, CancellationToken.None);
            var page = loaded!.Value.Page;
            Assert.DoesNotContain(PanelVerdict.Prompt, page.Prompts);
            Assert.DoesNotContain(page.Outcomes, PanelVerdict.Is);
            using var html = new StringWriter();
            await PageWriter.WriteAsync(html, page with { Prompts = ResultPageSite.Prompts, Models = ResultPageSite.Models }, CancellationToken.None);
            var text = html.ToString();

            Assert.Equal(6, CountOf(text, "<article class=\"cell\""));
            var start = text.IndexOf("<section id=\"verdict\"", StringComparison.Ordinal);
            Assert.True(start > text.IndexOf("id=\"c1-2\"", StringComparison.Ordinal), "the verdict follows the grid");
            var section = text[start..text.IndexOf("</main>", StringComparison.Ordinal)];
            Assert.Contains("<h3>Agreements</h3>", section, StringComparison.Ordinal);
            Assert.Contains("<h3>Disagreements</h3>", section, StringComparison.Ordinal);
            Assert.Contains("<h3>Unique points</h3>", section, StringComparison.Ordinal);
            Assert.Contains("Who owns marketing", section, StringComparison.Ordinal);
            Assert.Contains("The review moved to Friday", section, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", section, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>window.x", text, StringComparison.Ordinal);
            Assert.Contains("$4.5105", text, StringComparison.Ordinal);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
