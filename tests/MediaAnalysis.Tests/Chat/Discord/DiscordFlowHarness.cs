using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MediaAnalysis.Cli;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NSec.Cryptography;
using MediaAnalysis.Fakes.Discord;

namespace MediaAnalysis.Tests.Chat.Discord;

// The whole bot as Discord sees it: `serve` with its real /discord/interactions endpoint, a key pair made
// here to sign requests as Discord does, the fake Discord REST API, and the pipeline's fakes.
public sealed class DiscordFlowHarness : IAsyncDisposable
{
    private static int _next = 1;
    private readonly Key _key;
    private readonly bool _ownsDiscord;

    private DiscordFlowHarness(PipelineHarness outside, FakeDiscordApi discord, WebApplication app, HttpClient http, Key key, bool ownsDiscord = true)
    {
        Outside = outside;
        Discord = discord;
        App = app;
        Http = http;
        _key = key;
        _ownsDiscord = ownsDiscord;
    }

    public PipelineHarness Outside { get; }

    public FakeDiscordApi Discord { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IJobStore Store => App.Services.GetRequiredService<IJobStore>();

    public static async Task<DiscordFlowHarness> StartAsync(
        PipelineHarness outside,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var discord = await FakeDiscordApi.StartAsync();
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var (app, http) = await StartAppAsync(outside, discord, key, settings, configure);
        return new DiscordFlowHarness(outside, discord, app, http, key);
    }

    // A second instance of the bot beside this one: the same Discord application (fake API and key), its own
    // `serve` (settings such as a shared Storage:Provider=postgres database and its own Queue:InstanceId).
    public async Task<DiscordFlowHarness> StartPeerAsync(Dictionary<string, string?> settings)
    {
        var (app, http) = await StartAppAsync(Outside, Discord, _key, settings, null);
        return new DiscordFlowHarness(Outside, Discord, app, http, _key, ownsDiscord: false);
    }

    private static async Task<(WebApplication, HttpClient)> StartAppAsync(
        PipelineHarness outside,
        FakeDiscordApi discord,
        Key key,
        Dictionary<string, string?>? settings,
        Action<IServiceCollection>? configure)
    {
        var all = new Dictionary<string, string?>(outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(outside.Root, "jobs.db")}",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["Queue:PollInterval"] = "00:00:00.500",
            ["Queue:ShutdownGrace"] = "00:00:01",
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:BotToken"] = discord.BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }
        var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], all, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    // /analyze with an attachment, as Discord sends it (shared/protocols/discord/payloads), pointing at the fake file host.
    public JsonObject SlashCommand(string fileName, string contentType = "video/mp4", long size = 1_000_000, string? path = null)
    {
        var json = Payload("chat-input-analyze-attachment.CONSTRUCTED.json");
        var attachment = json["data"]!["resolved"]!["attachments"]!.AsObject().Single().Value!;
        attachment["filename"] = fileName;
        attachment["content_type"] = contentType;
        attachment["size"] = size;
        attachment["url"] = Outside.FileUrl(path ?? $"/attachments/{fileName}").ToString();
        return json;
    }

    public JsonObject MessageCommand(string fileName, string? path = null)
    {
        var json = Payload("message-command-video.CONSTRUCTED.json");
        var message = json["data"]!["resolved"]!["messages"]!.AsObject().Single().Value!;
        var attachment = message["attachments"]![0]!;
        attachment["filename"] = fileName;
        attachment["url"] = Outside.FileUrl(path ?? $"/attachments/{fileName}").ToString();
        return json;
    }

    // /ask question:<text>, as Discord sends it from a channel of this type (11: a public thread under channel 200).
    public JsonObject Ask(string channelId, string question, string userId = "1300000000000000300", int channelType = 11)
    {
        var json = Payload("chat-input-analyze-attachment.CONSTRUCTED.json");
        json["data"] = new JsonObject
        {
            ["id"] = "1300000000000000011", ["name"] = "ask", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
        };
        json["channel_id"] = channelId;
        json["channel"]!["id"] = channelId;
        json["channel"]!["type"] = channelType;
        json["channel"]!["parent_id"] = Discord.DefaultChannelId;
        json["member"]!["user"]!["id"] = userId;
        return json;
    }

    // Until the question asked with this interaction is in this state (posted: its answer is in the thread).
    public async Task<QuestionRecord> WaitForQuestionAsync(string interactionId, QuestionState state = QuestionState.Posted)
    {
        var questions = App.Services.GetRequiredService<IQuestionStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await questions.GetQuestionAsync($"discord:{interactionId}", CancellationToken.None) is { } q && q.State == state)
            {
                return q;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the question did not reach {state}");
    }

    public static JsonObject Button(JsonObject origin, string customId, string userId, string permissions = "0")
    {
        var json = (JsonObject)origin.DeepClone();
        json["id"] = NewId();
        json["type"] = 3;
        json["token"] = "button-token-" + json["id"];
        json["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        json["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId }, ["permissions"] = permissions };
        return json;
    }

    public async Task<HttpResponseMessage> PostAsync(string body, bool sign = true, string? timestamp = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            var signature = SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. Encoding.UTF8.GetBytes(body)]);
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }
        return await Http.SendAsync(request);
    }

    public async Task<JsonObject> InteractAsync(JsonObject interaction)
    {
        Discord.Interaction(interaction["token"]!.GetValue<string>(), interaction["channel_id"]!.GetValue<string>());
        using var response = await PostAsync(interaction.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<JobRecord> WaitForJobAsync(string interactionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (await Store.FindByKeyAsync($"discord:{interactionId}", CancellationToken.None) is { State: not (JobState.Queued or JobState.Running) } job)
            {
                await Task.Delay(300); // the final status edit follows the row
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the Discord job did not finish");
    }

    public static string NewId() => (1400000000000000000L + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Payload(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFiles.Path($"protocols/discord/payloads/{name}")))!.AsObject();
        json["id"] = NewId();
        json["token"] = "interaction-token-" + json["id"];
        return json;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDiscord)
        {
            await Discord.DisposeAsync();
            _key.Dispose();
        }
    }
}
