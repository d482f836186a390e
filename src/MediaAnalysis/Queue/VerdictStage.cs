using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// The job's last stage when the verdict is on: written once from the stored answers, stored like an answer
// (PanelVerdict.Prompt), posted, then marked posted. A restart finds it stored and posts it only if unmarked;
// a restart between the post and the mark reuses the answer's Discord nonce, so Discord keeps one message. Its cost
// goes to the server's ledger like an answer's.
public sealed class VerdictStage(VerdictSwitch verdictSwitch, VerdictWriter writer, IJobStore store, SpendMeter meter)
{
    public async Task RunAsync(JobRecord job, IChatReplier replier, ReplyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(replier);
        if (!await verdictSwitch.IsOnAsync(job, cancellationToken))
        {
            return;
        }
        var stored = await store.GetAnswersAsync(job.Id, cancellationToken);
        var verdict = stored.FirstOrDefault(a => PanelVerdict.Is(a.Outcome));
        if (verdict is null)
        {
            var outcome = await writer.WriteAsync([.. stored.Select(a => a.Outcome)], cancellationToken);
            // Billed before it is stored, as the answers are: a kill in between writes it again, and the ledger keeps one row.
            await meter.BillAnswerAsync(job, outcome, cancellationToken);
            await store.SaveAnswerAsync(job.Id, outcome, CancellationToken.None);
            verdict = new StoredAnswer(outcome, Posted: false);
        }
        if (!verdict.Posted)
        {
            await replier.PostVerdictAsync(context, verdict.Outcome, cancellationToken);
            await store.MarkAnswerPostedAsync(job.Id, verdict.Outcome.Prompt, verdict.Outcome.Model, CancellationToken.None);
        }
    }
}
