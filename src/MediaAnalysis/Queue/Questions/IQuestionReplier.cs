using MediaAnalysis.Jobs;

namespace MediaAnalysis.Queue.Questions;

// The port between follow-up questions and a chat platform: posting a question's answer (or why there is none) in
// the thread it was asked in. Called again after a restart for an answer whose post was not recorded, so a post
// should land once (Discord edits the deferred reply or sends with a nonce).
public interface IQuestionReplier
{
    // "discord", "slack": matches QuestionRecord.Platform.
    string Platform { get; }

    // The answered question (State Answered): the question quoted with who asked, the answer, its footer.
    Task PostAnswerAsync(QuestionRecord question, CancellationToken cancellationToken);

    // The model could not answer: `failure` in words, to the asker.
    Task PostFailureAsync(QuestionRecord question, string failure, CancellationToken cancellationToken);
}
