using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Download;

// Streams a video to the job's folder: headers first, body copied to a file in pooled chunks,
// counted against Media:MaxBytes as it arrives; `growing` lets a reader follow the file as it fills.
// Redirects are followed here, one hop at a time, so that every hop is checked against the allow-list.
public sealed class VideoDownloader(HttpClient http, IOptions<MediaOptions> options, ILogger<VideoDownloader> logger)
{
    private const int MaxRedirects = 5;
    private const int BufferSize = 64 * 1024;

    private readonly MediaOptions _options = options.Value;
    private readonly HostAllowList _allowList = new(options.Value.EffectiveAllowedHosts, options.Value.AllowHttp);

    public async Task<DownloadedFile> DownloadAsync(
        Uri url,
        string destination,
        IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? authorization,
        CancellationToken cancellationToken,
        GrowingFile? growing = null)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(_options.DownloadTimeout);
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (_allowList.Refusal(current) is { } refusal)
            {
                PipelineLog.DownloadRefused(logger, current.Authority, refusal);
                throw new AnalysisFailedException(FailureKind.SourceRefused, hop == 0
                    ? $"I can't fetch that link: {refusal}."
                    : $"The link redirected somewhere I don't fetch from: {refusal}.");
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Authorization = DownloadTokens.For(current, authorization);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, total.Token);
            }
            catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException blocked)
            {
                PipelineLog.DownloadRefused(logger, current.Authority, blocked.Message);
                throw new AnalysisFailedException(FailureKind.SourceRefused,
                    $"I can't fetch that link: {current.Host} points to a private or local network address.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new AnalysisFailedException(FailureKind.SourceRefused, $"I couldn't reach {current.Host} to download the video.", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AnalysisFailedException(FailureKind.SourceRefused, $"The download took longer than {Format.Span(_options.DownloadTimeout)} and was stopped.", ex);
            }
            using (response)
            {
                if (IsRedirect(response.StatusCode))
                {
                    current = response.Headers.Location is { } location
                        ? new Uri(current, location)
                        : throw new AnalysisFailedException(FailureKind.SourceRefused, "The file host sent a redirect without a location.");
                    continue;
                }
                return await SaveAsync(response, destination, growing, total, cancellationToken);
            }
        }
        throw new AnalysisFailedException(FailureKind.SourceRefused, $"The link redirected more than {MaxRedirects} times.");
    }

    private async Task<DownloadedFile> SaveAsync(
        HttpResponseMessage response,
        string destination,
        GrowingFile? growing,
        CancellationTokenSource total,
        CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new AnalysisFailedException(FailureKind.SourceRefused,
                $"The file host answered {(int)response.StatusCode} {response.ReasonPhrase} instead of the video.");
        }
        if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml")
        {
            throw new AnalysisFailedException(FailureKind.SourceRefused,
                "The link gave a web page, not a video (a sign-in page, or a missing permission to read files).");
        }
        var declared = response.Content.Headers.ContentLength;
        if (declared > _options.MaxBytes)
        {
            throw TooLarge(declared.Value);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long written = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(total.Token);
            await using var file = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(total.Token);
            var writeback = new WritebackPacer(file.SafeFileHandle);
            while (true)
            {
                idle.CancelAfter(_options.DownloadIdleTimeout);
                var read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), idle.Token);
                if (read == 0)
                {
                    break;
                }
                written += read;
                if (written > _options.MaxBytes)
                {
                    throw TooLarge(null);
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                writeback.Wrote(written);
                growing?.Advance(written); // unbuffered: the bytes are in the page cache for a reader now
            }
            if (declared is { } length && written != length)
            {
                throw new AnalysisFailedException(FailureKind.SourceRefused, $"The download broke off after {Format.Bytes(written)} of {Format.Bytes(length)}.");
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AnalysisFailedException(FailureKind.SourceRefused, total.IsCancellationRequested
                ? $"The download took longer than {Format.Span(_options.DownloadTimeout)} and was stopped."
                : $"The download stalled (nothing arrived for {Format.Span(_options.DownloadIdleTimeout)}) and was stopped.", ex);
        }
        catch (IOException ex) when (IsDiskFull(ex))
        {
            throw new AnalysisFailedException(FailureKind.ExtractionFailed, "The bot's disk is full, so the video could not be saved. Try again later.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new AnalysisFailedException(FailureKind.SourceRefused, $"The download broke off after {Format.Bytes(written)}.", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        PipelineLog.Downloaded(logger, written);
        return new DownloadedFile(destination, written, response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private AnalysisFailedException TooLarge(long? size) =>
        new(FailureKind.SourceRefused, size is { } s
            ? $"That video is {Format.Bytes(s)}; this bot takes up to {Format.Bytes(_options.MaxBytes)}."
            : $"That video is larger than {Format.Bytes(_options.MaxBytes)}, the most this bot takes; the download was stopped.");

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // ENOSPC is 28 on Linux; HResult carries it in the low bits.
    internal static bool IsDiskFull(IOException ex) => (ex.HResult & 0xFFFF) == 28 || ex.HResult == unchecked((int)0x80070070);
}
