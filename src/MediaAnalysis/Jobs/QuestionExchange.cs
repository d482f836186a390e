namespace MediaAnalysis.Jobs;

// An earlier question in the same thread and the answer it got, so "and the second point?" can be understood.
public sealed record QuestionExchange(string Question, string Answer);
