using System.Net.Http.Headers;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Queue;

// The port between the job queue and a chat platform. The queue calls it; each platform implements it.
// Every method may be called again for the same job after a restart, except that the queue records each
// transcript and answer once it is posted and never asks for it twice.
public interface IChatReplier
{
    // "discord", "slack", ...: matches AnalyzeRequest.Platform.
    string Platform { get; }

    // Credentials per origin for downloading this platform's files (Slack's bot token); null when none.
    IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization { get; }

    // Creates or edits the job's one status message. Called at most every few seconds, and once at the end.
    Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken);

    // Posts the transcript as a text file where the answers go.
    Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken);

    // Posts one answer, or the short error for a failed model, where the answers go.
    Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken);

    // Posts the panel verdict (PanelVerdict.Prompt): Succeeded holds the PanelVerdictJson document; Failed's reason is
    // the one line that says why there is none. Once per job, like an answer.
    Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken);

    // Tells the asker the job ended (done, failed, cancelled, timed out), mentioning them where the answers
    // are. Once per job: the replier records it in its state, so a restart or a second call says nothing.
    Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken);
}
