namespace MediaAnalysis.Fakes;

internal enum FakeReplyKind
{
    Status,
    Hang,
    Disconnect,
    Transcript,
}
