using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Cli;

[Collection(MediaCollection.Name)]
public sealed class AnalyzeCommandTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_video_gives_six_answers_and_exit_0()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(6, CountOccurrences(run.Stdout, "## "));
        foreach (var model in PipelineHarness.Models)
        {
            Assert.Contains($"## Summary · {model}", run.Stdout);
            Assert.Contains($"## Review · {model}", run.Stdout);
        }
        Assert.Contains("Transcribed", run.Stderr);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task With_the_verdict_on_analyze_prints_it_after_the_answers_and_in_json()
    {
        _h.Settings["Analysis:Verdict:Enabled"] = "true";

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);
        var json = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"## Panel verdict · {PipelineHarness.Models[0]}", run.Stdout);
        Assert.True(run.Stdout.IndexOf("## Panel verdict", StringComparison.Ordinal) > run.Stdout.LastIndexOf("## Review", StringComparison.Ordinal));
        Assert.Contains("### Where they differ", run.Stdout);
        var verdict = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("verdict");
        Assert.True(verdict.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("document").GetProperty("disagreements").GetArrayLength());
    }

    [Fact]
    public async Task The_fake_deepgram_without_decoding_still_hears_the_audio()
    {
        _h.Deepgram.DecodeAudio = false; // the load bench's mode

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Equal(6, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("answers").GetArrayLength());
        Assert.DoesNotContain("may have been cut", run.Stderr); // the length it heard is the audio's
    }

    [Fact]
    public async Task Html_writes_the_results_page_self_contained()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ma-page-{Guid.NewGuid():N}.html");
        try
        {
            var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--html", file);

            Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
            var html = await File.ReadAllTextAsync(file);
            Assert.Equal(6, CountOccurrences(html, "<article class=\"cell\""));
            Assert.Equal(0, CountOccurrences(html, "class=\"waiting\""));
            Assert.DoesNotContain("data-state=", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
            Assert.Contains("<section id=\"transcript\"", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Deepgram_receives_only_the_audio_decodable_of_the_videos_length_and_much_smaller()
    {
        var video = media[TestVideoKind.Normal];

        var run = await _h.AnalyzeAsync(video);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var request = Assert.Single(_h.Deepgram.Requests);
        Assert.Equal("Token " + _h.Deepgram.ApiKey, request.Headers["Authorization"]);
        Assert.Equal("nova-3", request.Query["model"]);
        Assert.Equal("true", request.Query["smart_format"]);
        Assert.Equal("true", request.Query["detect_language"]);
        Assert.Equal(request.BodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        var streams = await Support.Ffprobe.RunAsync("-show_entries stream=codec_type -of csv=p=0", request.BodyFile!);
        Assert.Equal("audio", streams.Trim());
        var audioSeconds = double.Parse(await Support.Ffprobe.RunAsync("-show_entries format=duration -of csv=p=0", request.BodyFile!), System.Globalization.CultureInfo.InvariantCulture);
        var videoSeconds = double.Parse(await Support.Ffprobe.RunAsync("-show_entries format=duration -of csv=p=0", video), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(audioSeconds, videoSeconds - 0.5, videoSeconds + 0.5);
        Assert.True(request.BodyLength * 4 < new FileInfo(video).Length, $"audio {request.BodyLength} bytes vs video {new FileInfo(video).Length}");
    }

    [Fact]
    public async Task Six_model_requests_each_pair_once_with_the_transcript_once_and_shared_messages()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var transcript = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("transcript").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(transcript));
        var requests = _h.OpenRouter.Requests;
        Assert.Equal(6, requests.Count);
        var pairs = requests.Select(r => (r.Model, System: r.Messages[0].Content)).ToList();
        Assert.Equal(6, pairs.Distinct().Count());
        Assert.Equal(PipelineHarness.Models.Order(), requests.Select(r => r.Model).Distinct().Order());
        foreach (var request in requests)
        {
            var user = request.Messages.Single(m => m.Role == "user").Content;
            Assert.Equal(1, CountOccurrences(user, transcript));
            Assert.Equal(1, CountOccurrences(Encoding.UTF8.GetString(request.Body), JsonEncodedText.Encode(transcript, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()));
            Assert.Equal("MediaAnalysis", request.Headers["X-OpenRouter-Title"]);
            Assert.Equal("https://example.test/media-analysis", request.Headers["HTTP-Referer"]);
            Assert.Equal("Bearer " + _h.OpenRouter.ApiKey, request.Headers["Authorization"]);
        }
        foreach (var variant in requests.GroupBy(r => r.Messages[0].Content))
        {
            var messages = variant.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("messages").GetRawText()).Distinct();
            Assert.Single(messages);
        }
    }

    [Fact]
    public async Task Json_output_is_one_document_with_every_answer()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json");

        using var document = JsonDocument.Parse(run.Stdout);
        var answers = document.RootElement.GetProperty("answers");
        Assert.Equal(6, answers.GetArrayLength());
        Assert.All(answers.EnumerateArray(), a => Assert.True(a.GetProperty("ok").GetBoolean()));
        Assert.All(answers.EnumerateArray(), a => Assert.True(a.GetProperty("cost").GetDecimal() > 0));
        Assert.Equal("en", document.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_video_with_the_moov_atom_at_the_end_works_from_a_url()
    {
        _h.Files.ServeFile("/att/late-moov.mp4", media[TestVideoKind.MoovAtEnd]);

        var run = await _h.AnalyzeAsync(_h.FileUrl("/att/late-moov.mp4").ToString());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("# late-moov.mp4", run.Stdout);
        _h.AssertNoJobFilesLeft();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Deepgram_is_retried_after_a_transient_error(int status)
    {
        _h.Deepgram.Script.Enqueue(FakeReply.Status(status, retryAfterSeconds: status == 429 ? 1 : null));

        var clock = Stopwatch.StartNew();
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, _h.Deepgram.Requests.Count);
        Assert.Equal(_h.Deepgram.Requests[0].BodyLength, _h.Deepgram.Requests[1].BodyLength);
        if (status == 429)
        {
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "Retry-After was not honoured");
        }
    }

    [Fact]
    public async Task Deepgram_down_after_every_try_is_a_clear_failure()
    {
        var tries = new MediaAnalysis.Pipeline.Transcription.DeepgramOptions().MaxAttempts;
        for (var i = 0; i < tries; i++)
        {
            _h.Deepgram.Script.Enqueue(FakeReply.Status(503));
        }

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains($"Transcription failed after {tries} tries (Deepgram 503)", run.Stderr);
        Assert.Equal(tries, _h.Deepgram.Requests.Count);
        Assert.Empty(_h.OpenRouter.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Theory]
    [InlineData(401, "refused the API key")]
    [InlineData(402, "out of credits")]
    public async Task Deepgram_final_errors_are_not_retried(int status, string message)
    {
        _h.Deepgram.Script.Enqueue(FakeReply.Status(status));

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(_h.Deepgram.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_model_is_retried_after_a_transient_error(int status)
    {
        _h.OpenRouter.Enqueue(PipelineHarness.Models[1], FakeChatReply.Status(status, retryAfterSeconds: 0));

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(7, _h.OpenRouter.Requests.Count);
        Assert.Equal(3, _h.OpenRouter.Requests.Count(r => r.Model == PipelineHarness.Models[1]));
    }

    [Fact]
    public async Task One_model_down_gives_four_answers_two_clear_errors_and_exit_3()
    {
        _h.OpenRouter.FailAlways(PipelineHarness.Models[2], FakeChatReply.Status(402));

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.SomeModelsFailed, run.ExitCode);
        Assert.Equal(2, CountOccurrences(run.Stdout, "· FAILED"));
        Assert.Equal(2, CountOccurrences(run.Stdout, "the account is out of credits (402)"));
        Assert.Contains("4 of 6 answers", run.Stdout);
        Assert.Equal(2, _h.OpenRouter.Requests.Count(r => r.Model == PipelineHarness.Models[2]));
    }

    [Fact]
    public async Task An_error_inside_http_200_counts_as_a_failure()
    {
        _h.OpenRouter.FailAlways(PipelineHarness.Models[0], FakeChatReply.ErrorIn200());

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json");

        Assert.Equal(ExitCodes.SomeModelsFailed, run.ExitCode);
        var failed = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("answers").EnumerateArray()
            .Where(a => !a.GetProperty("ok").GetBoolean()).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, a => Assert.Equal(PipelineHarness.Models[0], a.GetProperty("model").GetString()));
        Assert.All(failed, a => Assert.Contains("inside a 200 reply", a.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData(TestVideoKind.NoAudio, "has no sound")]
    [InlineData(TestVideoKind.Truncated, "looks truncated")]
    [InlineData(TestVideoKind.NotAVideo, "isn't a video or audio file")]
    public async Task A_bad_video_gives_its_reason_and_exit_1_with_no_outside_call(TestVideoKind kind, string reason)
    {
        var run = await _h.AnalyzeAsync(media[kind]);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains(reason, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Empty(_h.Deepgram.Requests);
        Assert.Empty(_h.OpenRouter.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Silence_is_reported_as_such_with_no_model_call()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Silent]);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("Deepgram found no words: the audio may be silent, or in another language than the one chosen.", run.Stderr);
        Assert.Single(_h.Deepgram.Requests);
        Assert.Empty(_h.OpenRouter.Requests);
    }

    [Fact]
    public async Task Language_chooses_the_transcription_language_and_json_has_paragraphs_with_speakers()
    {
        _h.Deepgram.SpokenLanguage = "de";
        _h.Deepgram.TranscriptFor = _ => string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Satz {i} hier."));

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--json", "--language", "de");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("de", _h.Deepgram.Requests.Single().Query["language"]);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("de", root.GetProperty("language").GetString());
        Assert.StartsWith("Satz 1 hier.", root.GetProperty("transcript").GetString(), StringComparison.Ordinal);
        var paragraphs = root.GetProperty("paragraphs");
        Assert.Equal(3, paragraphs.GetArrayLength());
        Assert.Equal([1, 2, 1], paragraphs.EnumerateArray().Select(p => p.GetProperty("speaker").GetInt32()));
        Assert.True(paragraphs[1].GetProperty("start").GetDouble() > 0);
        Assert.StartsWith("Satz 6 hier.", paragraphs[1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_output_prints_the_transcript_blocks_without_labels_for_one_voice()
    {
        _h.Deepgram.Speakers = 1;
        _h.Deepgram.TranscriptFor = _ => string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Sentence {i} here."));

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[0:00] Sentence 1 here.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Speaker", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("true", _h.Deepgram.Requests.Single().Query["detect_language"]);
    }

    [Fact]
    public async Task An_unknown_language_is_a_bad_argument_with_the_list()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--language", "klingon");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("de (German)", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_h.Deepgram.Requests);
    }

    [Fact]
    public async Task An_audio_file_is_analyzed_too()
    {
        var run = await _h.AnalyzeAsync(media[TestVideoKind.AudioOnlyMp3]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("audio/mpeg", _h.Deepgram.Requests.Single().Headers["Content-Type"]);
    }

    [Fact]
    public async Task Missing_configuration_names_every_bad_key_before_any_work()
    {
        _h.Settings["Deepgram:ApiKey"] = "";
        _h.Settings["OpenRouter:ApiKey"] = "";
        _h.Settings["Media:MaxBytes"] = "-5";
        _h.Settings["Analysis:Prompts:0:Name"] = "Only";
        _h.Settings["Analysis:Prompts:0:System"] = "s";
        _h.Settings["Analysis:Prompts:0:User"] = "no placeholder";

        var run = await _h.AnalyzeAsync(media[TestVideoKind.Normal]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("Deepgram:ApiKey is required", run.Stderr);
        Assert.Contains("OpenRouter:ApiKey is required", run.Stderr);
        Assert.Contains("Media:MaxBytes", run.Stderr);
        Assert.Contains("Analysis:Prompts:0:User must contain {transcript}", run.Stderr);
        Assert.Empty(_h.Deepgram.Requests);
    }

    [Fact]
    public async Task Bad_arguments_exit_2()
    {
        Assert.Equal(ExitCodes.BadArguments, (await _h.AnalyzeAsync()).ExitCode);
        Assert.Equal(ExitCodes.BadArguments, (await _h.AnalyzeAsync("/no/such/file.mp4")).ExitCode);
        Assert.Equal(ExitCodes.BadArguments, (await _h.AnalyzeAsync(media[TestVideoKind.Normal], "--frobnicate")).ExitCode);
    }

    internal static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
