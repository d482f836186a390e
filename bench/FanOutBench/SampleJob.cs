using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Bench;

// The job the README's screenshots show: a 24-minute product meeting of three voices, the default prompts' answers
// from three models (one of them failed), the panel verdict and two follow-up questions. Written as the worker and
// the question desk write them, so the page is the one a real job gets.
internal static class SampleJob
{
    public static readonly string[] Models = ["openai/gpt-4o-mini", "anthropic/claude-haiku-4.5", "google/gemini-2.5-flash"];

    public static async Task<string> SeedAsync(SqliteJobStore store)
    {
        var now = DateTimeOffset.UtcNow;
        var job = (await store.EnqueueAsync(new AnalyzeRequest
        {
            Platform = "sample", Tenant = "T1", Channel = "C1", RequesterId = "U1", RequesterName = "Ana", IdempotencyKey = "sample",
            VideoKey = "sample", VideoUrl = new Uri("https://cdn.example/product-sync.mp4"), SourceName = "product-sync.mp4",
        }, 10, now, CancellationToken.None)).Job!;
        await store.ClaimNextAsync("sample/1", now, TimeSpan.FromMinutes(30), CancellationToken.None);
        var token = PageToken.New();
        await store.SetPageTokenAsync(job.Id, token, CancellationToken.None);
        await store.SaveMediaAsync(job.Id, 48_213_504, 24 * 60 + 12, CancellationToken.None);
        var paragraphs = Transcript();
        await store.SaveTranscriptAsync(job.Id, string.Join(' ', paragraphs.Select(p => p.Text)), "en",
            TranscriptDocument.Write(paragraphs, languageChosen: false), CancellationToken.None);
        foreach (var outcome in Answers())
        {
            await store.SaveAnswerAsync(job.Id, outcome, CancellationToken.None);
        }
        await store.SaveAnswerAsync(job.Id, Verdict(), CancellationToken.None);
        await AskAsync(store.Questions, job.Id, "q1", "Who is doing the pricing page copy?", "Lena will have a draft by Thursday [12:02]; Marco reviews it and adds the new seat limits [13:22].", now);
        await AskAsync(store.Questions, job.Id, "q2", "Did anyone object to moving the launch?", "No. The only request was that support gets the FAQ a week earlier [16:02], which was agreed: the 14th [17:22].", now);
        await store.FinishAsync(job.Id, JobState.Done, null, now, CancellationToken.None);
        return token;
    }

    private static List<TranscriptParagraph> Transcript()
    {
        string[] lines =
        [
            "Okay, let's start. Three things today: the launch date, the pricing page, and what support needs from us.",
            "Before we get into it, the beta numbers came in this morning. Retention after two weeks is at 61 percent, up from 48.",
            "That's the onboarding change. The checklist is doing most of the work there, I'd say.",
            "Good. So, the launch. We said the 14th, but the payment integration is still failing about one in fifty test charges.",
            "Is that the provider's sandbox or us? Last time it was their sandbox timing out.",
            "It's us. We retry too fast and hit their rate limit. The fix is small, but I want a full week of clean runs before we ship.",
            "Then the 14th is out. The 21st gives us the week plus two days of margin.",
            "I'd rather say the 21st now than move it twice. Any objections? No? The 21st then.",
            "Pricing page. The copy is still the placeholder from March, and the comparison table is wrong for the team plan.",
            "I can take the copy, Marco. I'll have a draft by Thursday and send it round.",
            "I'll review it, Lena. And the table needs the new seat limits: ten on team, unlimited on business.",
            "Support. They asked for the FAQ and the refund policy before launch, not on launch day.",
            "Can we get them the FAQ a week earlier? Last launch they learned about features from customers.",
            "Yes, a week before, so the 14th. I'll write the refund section with finance.",
            "Last thing: the status page. Do we announce the maintenance window for the migration?",
            "Yes, 48 hours ahead, on the status page and in the app banner. Saturday night, two hours at most.",
            "Who owns the banner, Ana? It broke on mobile last time.",
            "I'll do it and test it on the small screens this time. Okay, that's everything. Thanks, all.",
        ];
        return [.. lines.Select((text, i) => new TranscriptParagraph(i * 80 + 2, i * 80 + 74, (i % 3) + 1, text))];
    }

    private static IEnumerable<ModelOutcome> Answers()
    {
        yield return Ok("Summary", 0, 6.2, "The team moved the launch and split the remaining work.\n\n- **Launch moves to the 21st** (from the 14th): payment retries still fail 1 in 50 test charges [5:22].\n- Beta retention is **61%** after two weeks, up from 48% [1:22].\n- Lena drafts the pricing page copy by Thursday; Marco reviews [12:02].\n- Support gets the FAQ on the 14th, a week early [17:22].");
        yield return Ok("Summary", 1, 4.9, "**Decisions**\n\n1. Launch on the 21st, to allow a week of clean payment runs [9:22].\n2. The FAQ goes to support a week before launch [17:22].\n3. Maintenance is announced 48 h ahead, status page and banner [20:02].\n\n**Owners**: copy (Lena), review and seat limits (Marco), banner (Ana).");
        yield return Ok("Summary", 2, 7.8, "A planning meeting before the launch.\n\n| Topic | Outcome |\n|---|---|\n| Launch | 21st |\n| Pricing copy | draft Thursday |\n| Support FAQ | the 14th |\n| Migration | Saturday night, 2 h |\n\nRetention rose to 61% after the onboarding checklist [2:42].");
        yield return Ok("Review", 0, 5.1, "**Claims to check**\n\n- \"Retention is at 61 percent\": from this morning's beta numbers; the cohort size was not said [1:22].\n- The payment failures are *ours* (retries hit the rate limit), not the sandbox's [6:42].\n\n**Open**: nobody owns the comparison table's seat limits update.");
        yield return Ok("Review", 1, 6.6, "- The launch date moved once already; the team chose the 21st to avoid a second move [9:22].\n- **Risk**: one week of clean runs leaves no slack if the fix fails.\n- **Action**: Ana tests the banner on small screens [22:42].");
        yield return new ModelOutcome.Failed("Review", Models[2], TimeSpan.FromSeconds(30), 3, "No answer within 30 s (3 tries)", null);
    }

    private static ModelOutcome.Succeeded Verdict() => new(PanelVerdict.Prompt, "openai/gpt-4o", TimeSpan.FromSeconds(3.4), 1,
        PanelVerdictJson.Write(new PanelVerdict(
            ["The launch moves from the 14th to the 21st because of failing payment retries.", "Support gets the FAQ a week before the launch."],
            [new VerdictDisagreement("Who updates the seat limits", [new(Models[0], "Marco, with his review"), new(Models[1], "Nobody owns it yet")])],
            [new VerdictClaim(Models[2], "Retention rose to 61% after the onboarding checklist.")])),
        "openai/gpt-4o", 5_210, 240, 0.0155m);

    private static ModelOutcome.Succeeded Ok(string prompt, int model, double seconds, string answer) =>
        new(prompt, Models[model], TimeSpan.FromSeconds(seconds), 1, answer, Models[model], 4_812, 310 + (model * 40), 0.0009m + (model * 0.0011m));

    private static async Task AskAsync(IQuestionStore questions, string jobId, string key, string question, string answer, DateTimeOffset now)
    {
        await questions.AskAsync(new QuestionRecord
        {
            Key = key, JobId = jobId, Platform = "sample", Tenant = "T1", Channel = "C1", AskerId = "U1", AskerName = "Ana", Question = question, CreatedAt = now,
        }, 100, now, CancellationToken.None);
        await questions.SaveQuestionAnswerAsync(key, new QuestionAnswer(answer, true, [], Models[0], TimeSpan.FromSeconds(2), 5_020, 48, 0.0008m), now, CancellationToken.None);
    }
}
