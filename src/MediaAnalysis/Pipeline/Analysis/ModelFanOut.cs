using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Transcription;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace MediaAnalysis.Pipeline.Analysis;

// Every prompt variant times every model, all in flight at once, through one ChatClient's protocol
// method: the body is sent byte for byte and the "model" inside it wins, so one client serves all calls.
// Retries are ours (the SDK's default policy retries with no delay), as is the reading of each reply.
public sealed class ModelFanOut
{
    private readonly ChatClient _chat;
    private readonly OpenRouterOptions _options;
    private readonly AnalysisOptions _analysis;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelFanOut> _logger;
    private readonly OutboundPolicy _policy;
    private readonly RetryRules _retryRules;

    public ModelFanOut(IHttpClientFactory httpClients, IOptions<OpenRouterOptions> options, IOptions<AnalysisOptions> analysis, TimeProvider time, ILogger<ModelFanOut> logger)
    {
        _options = options.Value;
        _analysis = analysis.Value;
        _time = time;
        _logger = logger;
        _policy = new OutboundPolicy(time);
        _retryRules = new RetryRules(_options.MaxAttempts, _options.RetryBaseDelay);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(_options.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = _options.RequestTimeout,
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(nameof(ModelFanOut))),
        };
        clientOptions.AddPolicy(new AttributionPolicy(_options.AppUrl, _options.AppTitle), PipelinePosition.PerCall);
        _chat = new ChatClient(_analysis.EffectiveModels[0], new ApiKeyCredential(_options.ApiKey ?? ""), clientOptions);
    }

    public IReadOnlyList<PromptVariant> Prompts => _analysis.EffectivePrompts;

    public IReadOnlyList<string> Models => _analysis.EffectiveModels;

    // Outcomes in prompt-major order, each told to the observer as its call ends. `answered` names (prompt, model)
    // pairs already answered, e.g. before a restart: they are not asked again.
    public Task<IReadOnlyList<ModelOutcome>> RunAsync(
        string transcript,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver? observer,
        CancellationToken cancellationToken) =>
        RunAsync(new ModelRequestPlan(transcript, Prompts, _options.MaxTokens), Prompts, Models, answered, observer, check: null, cancellationToken);

    // The structured transcript: "[m:ss] S2:" labels in the prompt, the bot's instruction (cite the moment, answer in
    // the language) in every system message, and every answer's citations checked before anyone sees it.
    public Task<IReadOnlyList<ModelOutcome>> RunAsync(
        Transcript transcript,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver? observer,
        CancellationToken cancellationToken) =>
        RunAsync(transcript, new AnalysisPlan(Prompts, Models, null), answered, observer, cancellationToken);

    // The same with a job's own prompts, models and answer language (its server's settings).
    public Task<IReadOnlyList<ModelOutcome>> RunAsync(
        Transcript transcript,
        AnalysisPlan analysis,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(analysis);
        var block = JsonEscaping.EscapeToUtf8(TranscriptText.PromptPieces(transcript));
        var plan = new ModelRequestPlan(block, analysis.Prompts, _options.MaxTokens, AnswerInstructions.For(transcript, analysis.AnswerLanguage));
        return RunAsync(plan, analysis.Prompts, analysis.Models, answered, observer, outcome => Checked(outcome, transcript), cancellationToken);
    }

    private static ModelOutcome Checked(ModelOutcome outcome, Transcript transcript)
    {
        if (outcome is not ModelOutcome.Succeeded succeeded)
        {
            return outcome;
        }
        var (text, unfound) = CitationCheck.Apply(succeeded.Answer, transcript.Paragraphs, transcript.DurationSeconds);
        return succeeded with { Answer = text, UnfoundCitations = unfound };
    }

    private async Task<IReadOnlyList<ModelOutcome>> RunAsync(
        ModelRequestPlan plan,
        IReadOnlyList<PromptVariant> prompts,
        IReadOnlyList<string> models,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver? observer,
        Func<ModelOutcome, ModelOutcome>? check,
        CancellationToken cancellationToken)
    {
        var calls = new List<Task<ModelOutcome>>();
        for (var p = 0; p < prompts.Count; p++)
        {
            foreach (var model in models)
            {
                if (answered.Contains((prompts[p].Name, model)))
                {
                    continue;
                }
                var variant = p;
                calls.Add(Task.Run(async () =>
                {
                    var outcome = await CallAsync(plan, prompts[variant].Name, variant, model, cancellationToken);
                    outcome = check?.Invoke(outcome) ?? outcome;
                    if (observer is not null)
                    {
                        await observer.ModelFinishedAsync(outcome, cancellationToken);
                    }
                    return outcome;
                }, CancellationToken.None));
            }
        }
        return await Task.WhenAll(calls);
    }

    // Retried: 408, 425, 429 and 5xx, and the same codes (or none) in an error inside an HTTP 200; Retry-After honoured.
    private Task<ModelOutcome> CallAsync(ModelRequestPlan plan, string prompt, int variant, string model, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        return _policy.ExecuteAsync(_retryRules, (tries, token) => TryOnceAsync(plan, prompt, variant, model, clock, tries, token), cancellationToken);
    }

    private async Task<TryOutcome<ModelOutcome>> TryOnceAsync(
        ModelRequestPlan plan, string prompt, int variant, string model, Stopwatch clock, TryCount tries, CancellationToken cancellationToken)
    {
        var attempt = tries.Attempt;
        string reason;
        int? status = null;
        TimeSpan? retryAfter = null;
        var retryable = true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            using var body = plan.Body(variant, model);
            var result = await _chat.CompleteChatAsync(body, new RequestOptions
            {
                ErrorOptions = ClientErrorBehaviors.NoThrow,
                CancellationToken = deadline.Token,
            });
            var response = result.GetRawResponse();
            var reply = ModelReplyReader.Read(response.Status, response.Content.ToMemory());
            if (reply.Ok)
            {
                PipelineLog.ModelAnswered(_logger, prompt, model, clock.Elapsed.TotalSeconds, attempt);
                return new TryOutcome<ModelOutcome>(new ModelOutcome.Succeeded(prompt, model, clock.Elapsed, attempt, reply.Content!,
                    reply.ServedModel, reply.PromptTokens, reply.CompletionTokens, reply.Cost));
            }
            status = response.Status >= 400 ? response.Status : reply.ErrorCode;
            reason = Explain(response.Status, reply);
            retryable = response.Status >= 400 ? RetryTiming.IsTransient(response.Status) : reply.ErrorCode is null || RetryTiming.IsTransient(reply.ErrorCode.Value);
            if (response.Headers.TryGetValue("Retry-After", out var after))
            {
                retryAfter = RetryTiming.ParseRetryAfter(after, _time.GetUtcNow());
            }
            PipelineLog.ModelFailedAttempt(_logger, prompt, model, response.Status, reply.Error ?? "", attempt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"no answer within {Format.Span(_options.RequestTimeout)}";
            PipelineLog.ModelFailedAttempt(_logger, prompt, model, 0, "timeout", attempt);
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or IOException or AggregateException)
        {
            reason = "the model endpoint could not be reached";
            PipelineLog.ModelFailedAttempt(_logger, prompt, model, 0, ex.GetType().Name, attempt);
        }

        if (!retryable || !tries.CanRetry(RetryKind.Error))
        {
            var after = attempt == 1 ? "" : $" after {attempt} tries";
            return new TryOutcome<ModelOutcome>(new ModelOutcome.Failed(prompt, model, clock.Elapsed, attempt, reason + after, status));
        }
        return new TryOutcome<ModelOutcome>(RetryKind.Error, tries.Delay(retryAfter));
    }

    private static string Explain(int httpStatus, ModelReply reply)
    {
        var code = httpStatus >= 400 ? httpStatus : reply.ErrorCode;
        var what = code switch
        {
            400 => "the request was refused (400)",
            401 => "the API key was refused (401)",
            402 => "the account is out of credits (402)",
            403 => "the input was blocked by moderation (403)",
            404 => "the model id is unknown (404)",
            408 => "the request timed out (408)",
            429 => "rate limited (429)",
            502 => "the model's provider is down (502)",
            503 => "no provider is available (503)",
            { } other => $"error {other}",
            null => null,
        };
        var inside = httpStatus is >= 200 and < 300 ? "inside a 200 reply: " : "";
        return what is null ? inside + reply.Error : $"{what}: {inside}{reply.Error}";
    }
}
