using System.Diagnostics;
using System.Net.Http.Headers;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Analysis;

// Writes the panel verdict: the primary model (Analysis:Verdict:Model), one retry when its document is invalid,
// then the fallback (Analysis:Verdict:Fallback) the same way. The outcome is stored like an answer under
// PanelVerdict.Prompt: Succeeded with the canonical document, or Failed with the reason in words (also when fewer
// than two answers came back, so there is nothing to compare). Its cost is every call's, the failed ones included.
public sealed class VerdictWriter(
    IHttpClientFactory httpClients,
    IOptions<OpenRouterOptions> openRouter,
    IOptions<AnalysisOptions> analysis,
    ILogger<VerdictWriter> logger)
{
    public const string TooFew = "Fewer than two answers came back, so there is no panel verdict.";

    public async Task<ModelOutcome> WriteAsync(IReadOnlyList<ModelOutcome> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var options = analysis.Value;
        var primary = options.VerdictModel;
        var succeeded = answers.OfType<ModelOutcome.Succeeded>().Where(a => !PanelVerdict.Is(a)).ToList();
        if (succeeded.Count < 2)
        {
            PipelineLog.VerdictSkipped(logger, succeeded.Count);
            return new ModelOutcome.Failed(PanelVerdict.Prompt, primary, TimeSpan.Zero, 0, TooFew, null);
        }
        var clock = Stopwatch.StartNew();
        var spent = new Spent();
        var reasons = new List<string>();
        foreach (var model in new[] { primary, options.VerdictFallback }.OfType<string>())
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var (verdict, served, error) = await CallAsync(model, succeeded, spent, cancellationToken);
                if (verdict is not null)
                {
                    PipelineLog.VerdictWritten(logger, model, spent.Calls, clock.Elapsed.TotalSeconds);
                    return new ModelOutcome.Succeeded(PanelVerdict.Prompt, model, clock.Elapsed, spent.Calls, PanelVerdictJson.Write(verdict),
                        served, spent.PromptTokens, spent.CompletionTokens, spent.Cost);
                }
                PipelineLog.VerdictAttemptFailed(logger, model, attempt, error.Reason);
                if (!error.Invalid)
                {
                    reasons.Add($"{model}: {error.Reason}");
                    break;
                }
                if (attempt == 2)
                {
                    reasons.Add($"{model}: {error.Reason} twice");
                }
            }
        }
        return new ModelOutcome.Failed(PanelVerdict.Prompt, primary, clock.Elapsed, spent.Calls,
            "The panel verdict could not be written (" + string.Join("; ", reasons) + ").", null);
    }

    private async Task<(PanelVerdict? Verdict, string? Served, (string Reason, bool Invalid) Error)> CallAsync(
        string model, IReadOnlyList<ModelOutcome.Succeeded> answers, Spent spent, CancellationToken cancellationToken)
    {
        var options = openRouter.Value;
        spent.Calls++;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseUrl.TrimEnd('/') + "/chat/completions")
            {
                Content = new ByteArrayContent(VerdictRequest.Body(model, answers, analysis.Value.Verdict.MaxTokens)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey ?? "");
            request.Headers.TryAddWithoutValidation("X-OpenRouter-Title", options.AppTitle);
            if (!string.IsNullOrWhiteSpace(options.AppUrl))
            {
                request.Headers.TryAddWithoutValidation("HTTP-Referer", options.AppUrl);
            }
            using var client = httpClients.CreateClient(nameof(ModelFanOut));
            using var response = await client.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var reply = ModelReplyReader.Read((int)response.StatusCode, body);
            spent.Add(reply);
            if (!reply.Ok)
            {
                var code = (int)response.StatusCode >= 400 ? (int)response.StatusCode : reply.ErrorCode;
                return (null, null, ($"error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "in reply"}: {reply.Error ?? "no answer"}", false));
            }
            return PanelVerdictJson.TryRead(reply.Content) is { } verdict
                ? (verdict, reply.ServedModel, ("", false))
                : (null, null, ("an invalid verdict document", true));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, ($"no answer within {Format.Span(options.RequestTimeout)}", false));
        }
        catch (HttpRequestException)
        {
            return (null, null, ("the model endpoint could not be reached", false));
        }
    }

    private sealed class Spent
    {
        public int Calls { get; set; }

        public int? PromptTokens { get; private set; }

        public int? CompletionTokens { get; private set; }

        public decimal? Cost { get; private set; }

        public void Add(ModelReply reply)
        {
            PromptTokens = Sum(PromptTokens, reply.PromptTokens);
            CompletionTokens = Sum(CompletionTokens, reply.CompletionTokens);
            Cost = reply.Cost is { } c ? (Cost ?? 0) + c : Cost;
        }

        private static int? Sum(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
    }
}
