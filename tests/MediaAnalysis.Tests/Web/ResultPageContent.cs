using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Web;

// What the finished job holds: a transcript of two speakers, five answers (one full of injection attempts) and one failure.
internal static class ResultPageContent
{
    public const string Reason = "OpenRouter says the account is out of credits (402)";

    public const string Xss = """
        ## Inert
        <script>window.__xss = 1</script>
        <img src=x onerror="window.__xss = 2">
        [click me](javascript:window.__xss=3) and [again](<javascript:window.__xss=4>) and [upper](JAVASCRIPT:window.__xss=5)
        ![pic](javascript:window.__xss=6) [ref][r] [data](data:text/html,<script>window.__xss=7</script>)
        [quote](https://example.com/" onmouseover="window.__xss=8)
        <a href="javascript:window.__xss=9">raw</a> <svg onload="window.__xss=10"></svg>

        [r]: javascript:window.__xss=11
        """;

    public static IReadOnlyList<TranscriptParagraph> Paragraphs() =>
    [
        .. Enumerable.Range(0, 40).Select(i => new TranscriptParagraph(i * 15, (i * 15) + 14, (i % 2) + 1, i switch
        {
            6 => "The budget for the launch is 40,000 euros, agreed by everyone.",
            13 => "会議の要約: the budget review moves to Friday 😀.",
            21 => "We still need a budget owner for the marketing part.",
            _ => $"Paragraph {i + 1}: we talked about the release plan, testing and the next steps in some detail.",
        })),
    ];

    public static IReadOnlyList<ModelOutcome> Outcomes() =>
    [
        Ok("Summary", 0, "The team planned the launch.\n\n- Budget of **40,000 euros** agreed [1:30]\n- Review moved to Friday [3:15]\n- Owner still missing [5:15]\n\nSee [the plan](https://example.com/plan)."),
        Ok("Summary", 1, Xss),
        Ok("Summary", 2, "### Key points\n\n1. Launch budget set [1:30].\n2. A `budget owner` is needed.\n\n| Item | Owner |\n|---|---|\n| Budget | Ana |"),
        Ok("Review", 0, "**Claims to check:** the 40,000 euro figure [1:30].\n\n> Nobody owns marketing yet."),
        Ok("Review", 1, "- Unclear: who signs off.\n- Action: Ana drafts the plan (owner: Ana)."),
        new ModelOutcome.Failed("Review", ResultPageSite.Models[2], TimeSpan.FromSeconds(2.4), 3, Reason, 402),
    ];

    public static ModelOutcome.Succeeded Ok(string prompt, int model, string answer) =>
        new(prompt, ResultPageSite.Models[model], TimeSpan.FromSeconds(4.2 + model), 1, answer, ResultPageSite.Models[model], 12_040, 412, 0.0021m + model);

    // A panel verdict as the verdict stage stores it: an answer under its reserved prompt.
    public static ModelOutcome Verdict() => new ModelOutcome.Succeeded(PanelVerdict.Prompt, "openai/gpt-4o", TimeSpan.FromSeconds(3), 1,
        PanelVerdictJson.Write(new PanelVerdict(
            ["The launch budget is 40,000 euros [1:30]."],
            [new VerdictDisagreement("Who owns marketing", [new(ResultPageSite.Models[0], "Nobody yet"), new(ResultPageSite.Models[1], "Ana, from next week")])],
            [new VerdictClaim(ResultPageSite.Models[2], "The review moved to Friday")])),
        "openai/gpt-4o", 900, 120, 0.0031m);

    // A follow-up question asked in the job's thread (answered when `answer` is given).
    public static async Task AskAsync(MediaAnalysis.Storage.IQuestionStore store, string jobId, string key, string question, string? answer)
    {
        var now = DateTimeOffset.UtcNow;
        await store.AskAsync(new QuestionRecord
        {
            Key = key, JobId = jobId, Platform = "test", Tenant = "t", Channel = "C1", AskerId = "U1", AskerName = "Ana", Question = question, CreatedAt = now,
        }, 100, now, CancellationToken.None);
        if (answer is not null)
        {
            await store.SaveQuestionAnswerAsync(key, new QuestionAnswer(answer, true, [], ResultPageSite.Models[0], TimeSpan.FromSeconds(2), 3_100, 60, 0.0004m), now, CancellationToken.None);
        }
    }
}
