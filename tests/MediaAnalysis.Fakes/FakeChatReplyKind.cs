namespace MediaAnalysis.Fakes;

internal enum FakeChatReplyKind
{
    Success,
    Status,
    ErrorIn200,
    TopLevelErrorIn200,
    EmptyChoices,
    NullContent,
    Raw,
    Hang,
    Disconnect,
}
