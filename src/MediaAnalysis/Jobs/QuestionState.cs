namespace MediaAnalysis.Jobs;

// A follow-up question's way through: asked (pending), its answer stored (answered), the answer posted (posted).
// A restart answers the pending ones and posts the answered ones, each once.
public enum QuestionState
{
    Pending,
    Answered,
    Posted,

    // The model could not answer: the asker was told, and it is not tried again.
    Failed,
}
