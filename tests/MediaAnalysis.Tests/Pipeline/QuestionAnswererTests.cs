using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Questions;
using MediaAnalysis.Pipeline.Transcription;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Pipeline;

// A follow-up question answered from the structured transcript through the fake OpenRouter (issue 18, the answering
// core only: not yet stored as its own job nor wired to /ask or Slack mentions).
public sealed class QuestionAnswererTests : IAsyncLifetime
{
    private const string Asker = "vendor-q/asker";
    private static readonly Transcript Spoken = new("We agreed on May. Pricing stays as it is.", 60, "en", null)
    {
        Paragraphs = [new TranscriptParagraph(3, 20, 1, "We agreed on May."), new TranscriptParagraph(30, 50, 2, "Pricing stays as it is.")],
    };

    private FakeOpenRouter _openRouter = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _openRouter = await FakeOpenRouter.StartAsync();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _openRouter.DisposeAsync();
    }

    [Fact]
    public async Task A_supported_answer_keeps_its_checked_citations_and_the_prompt_holds_the_transcript_and_the_last_three_exchanges()
    {
        _openRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"May [0:03], then [41:10].","supported":true,"moments":["0:03","41:10"]}"""));
        QuestionExchange[] earlier = [new("first?", "one"), new("second?", "two"), new("third?", "three"), new("fourth?", "four")];

        var (answer, failure) = await Answerer().AnswerAsync(Spoken, "When is the launch?", earlier, CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal("May [0:03], then [41:10 ⚠ no such moment].", answer!.Text);
        Assert.Equal((true, 1, Asker), (answer.Supported, answer.UnfoundCitations, answer.Model));
        Assert.Equal(["0:03"], answer.Moments);
        Assert.True(answer.Cost > 0);
        var request = Assert.Single(_openRouter.Requests);
        Assert.Equal(QuestionJson.SchemaName, request.SchemaName);
        var user = request.Messages[1].Content;
        Assert.Contains("[0:03] S1: We agreed on May.", user, StringComparison.Ordinal);
        Assert.DoesNotContain("first?", user, StringComparison.Ordinal);
        Assert.Contains("Q: second?\nA: two", user, StringComparison.Ordinal);
        Assert.Contains("Q: fourth?\nA: four", user, StringComparison.Ordinal);
        Assert.EndsWith("Question: When is the launch?", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_the_transcript_cannot_answer_gets_the_video_does_not_say_and_not_the_models_guess()
    {
        _openRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"Probably Berlin.","supported":false,"moments":[]}"""));

        var (answer, _) = await Answerer().AnswerAsync(Spoken, "Where is the office?", [], CancellationToken.None);

        Assert.Equal((QuestionAnswer.NotInVideo, false), (answer!.Text, answer.Supported));
        Assert.Empty(answer.Moments);
    }

    [Fact]
    public async Task An_invalid_reply_is_asked_for_once_more_and_twice_invalid_is_a_failure_in_words()
    {
        _openRouter.Enqueue(Asker, FakeChatReply.Success("May, I think."));
        var (answer, _) = await Answerer().AnswerAsync(Spoken, "When?", [], CancellationToken.None);
        Assert.True(answer!.Supported);
        Assert.Equal(2, _openRouter.Requests.Count);

        _openRouter.Enqueue(Asker, FakeChatReply.Success("May."));
        _openRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"","supported":true,"moments":[]}"""));
        var (none, failure) = await Answerer().AnswerAsync(Spoken, "When?", [], CancellationToken.None);
        Assert.Null(none);
        Assert.Equal($"{Asker} could not answer: the model's reply was not the answer document, twice.", failure);

        _openRouter.FailAlways(Asker, FakeChatReply.Status(502));
        (none, failure) = await Answerer().AnswerAsync(Spoken, "When?", [], CancellationToken.None);
        Assert.Null(none);
        Assert.StartsWith($"{Asker} could not answer: error 502", failure, StringComparison.Ordinal);
        Assert.Equal(5, _openRouter.Requests.Count);
    }

    [Fact]
    public void Questions_over_1000_characters_or_empty_are_refused_in_plain_words()
    {
        Assert.Null(QuestionAnswerer.Refusal(new string('a', 1000)));
        Assert.Equal("That question is 1,001 characters long; questions can be at most 1,000.", QuestionAnswerer.Refusal(new string('a', 1001)));
        Assert.NotNull(QuestionAnswerer.Refusal("   "));
    }

    [Fact]
    public void Without_a_question_model_the_first_model_answers()
    {
        var options = new AnalysisOptions { Models = ["m/one", "m/two"] };
        Assert.Equal("m/one", options.EffectiveQuestionModel);
        options.QuestionModel = "m/q";
        Assert.Equal("m/q", options.EffectiveQuestionModel);
    }

    private QuestionAnswerer Answerer()
    {
        var call = new SchemaCall(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new OpenRouterOptions
        {
            ApiKey = _openRouter.ApiKey,
            BaseUrl = _openRouter.BaseAddress.ToString(),
        }));
        return new QuestionAnswerer(call, Options.Create(new AnalysisOptions { Models = ["vendor-a/model-1"], QuestionModel = Asker }),
            NullLogger<QuestionAnswerer>.Instance);
    }
}
