using System.Net;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Support;

// A deleted job's results page answers exactly as a token that never existed.
public static class PageGone
{
    public static async Task AssertAsync(HttpClient http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var gone = await http.GetAsync(new Uri($"/r/{token}", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri($"/r/{PageToken.New()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await gone.Content.ReadAsStringAsync());
    }
}
