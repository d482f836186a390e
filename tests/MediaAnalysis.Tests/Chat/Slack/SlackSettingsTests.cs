using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Tests.Chat.Slack;

// `/analyze settings` → views.open for workspace admins and owners; the modal's view_submission at
// /slack/interactivity, checked (errors under their fields) and saved; the channel rule at /analyze.
[Collection(MediaCollection.Name)]
public sealed class SlackSettingsTests(MediaFiles media) : IAsyncLifetime
{
    private SlackFlowHarness _h = null!;

    private ServerSettings Settings => _h.App.Services.GetRequiredService<ServerSettings>();

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media, new Dictionary<string, string?>
    {
        ["Limits:MonthlyBudgetUsd"] = "50",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> CommandAsync(string text, string channel = SlackFlowHarness.Channel)
    {
        using var response = await _h.PostAsync("/slack/commands", _h.CommandForm(text, _h.Slack.NewResponseUrl(), channel), form: true, raw: true);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> OpenAsAdminAsync()
    {
        _h.Slack.MakeAdmin(SlackFlowHarness.Person);
        var (status, _) = await CommandAsync("settings");
        Assert.Equal(HttpStatusCode.OK, status);
        return Assert.Single(_h.Slack.Views).View;
    }

    // What Slack sends on Save: the modal's blocks as state.values, each as entered (here: as pre-filled, then changed).
    private JsonObject Submission(JsonElement view, Dictionary<string, JsonNode?> changes)
    {
        var values = new JsonObject();
        foreach (var block in view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input"))
        {
            var id = block.GetProperty("block_id").GetString()!;
            var element = block.GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            var action = new JsonObject { ["type"] = type };
            if (changes.TryGetValue(id, out var changed))
            {
                action[type switch { "multi_conversations_select" => "selected_conversations", "checkboxes" => "selected_options", _ => "value" }] = changed;
            }
            else if (type is "plain_text_input" or "number_input")
            {
                action["value"] = element.TryGetProperty("initial_value", out var initial) ? initial.GetString() : null;
            }
            else if (type == "multi_conversations_select")
            {
                action["selected_conversations"] = element.TryGetProperty("initial_conversations", out var c) ? JsonNode.Parse(c.GetRawText()) : new JsonArray();
            }
            else if (type == "checkboxes")
            {
                action["selected_options"] = element.TryGetProperty("initial_options", out var o) ? JsonNode.Parse(o.GetRawText()) : new JsonArray();
            }
            values[id] = new JsonObject { [id] = action };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = _h.Slack.TeamId, ["domain"] = _h.Slack.TeamDomain },
            ["user"] = new JsonObject { ["id"] = SlackFlowHarness.Person, ["username"] = "ana", ["team_id"] = _h.Slack.TeamId },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "5.5.5",
            ["view"] = new JsonObject
            {
                ["id"] = "V00000001",
                ["type"] = "modal",
                ["callback_id"] = view.GetProperty("callback_id").GetString(),
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }

    private async Task<(HttpStatusCode Status, string Body)> SubmitAsync(JsonObject payload)
    {
        using var response = await _h.PostAsync("/slack/interactivity", payload.ToJsonString(), form: true);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_admins_and_owners_get_the_settings_modal()
    {
        var (status, body) = await CommandAsync("settings");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Only workspace admins and owners", body, StringComparison.Ordinal);
        Assert.Empty(_h.Slack.Views);
    }

    [Fact]
    public async Task An_admin_gets_the_modal_pre_filled_through_views_open_with_the_commands_trigger()
    {
        var view = await OpenAsAdminAsync();

        Assert.Equal("settings", view.GetProperty("callback_id").GetString());
        Assert.StartsWith("9.9.", _h.Slack.Views[0].TriggerId, StringComparison.Ordinal);
        var blocks = view.GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("block_id").GetString()!);
        Assert.Equal("Summary", blocks["prompt1_name"].GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Equal("vendor-a/model-1", blocks["model1"].GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Equal("speech", blocks["answers"].GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Empty(_h.Slack.Violations);
    }

    [Fact]
    public async Task The_modal_opens_with_this_months_spend_and_the_models_the_budget_cannot_see()
    {
        var now = DateTimeOffset.UtcNow;
        var view = await OpenAsAdminAsync();

        var blocks = view.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["spend", "unpriced", "spend_end"], blocks.Take(3).Select(b => b.GetProperty("block_id").GetString()));
        Assert.Equal($"*Spend in {UtcPeriods.MonthName(now)}:* $0.00 of $50.00 spent, $50.00 left · 0 videos · "
            + $"resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC)", Text(blocks[0]));
        // The fake OpenRouter is not openrouter.ai and no model has a price or a call yet: the budget sees none of them.
        Assert.StartsWith(":warning: *Unpriced models:* The budget can't see what vendor-a/model-1, vendor-b/model-2 and vendor-c/model-3 cost: ",
            Text(blocks[1]), StringComparison.Ordinal);
        Assert.Empty(_h.Slack.Violations);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            // The modal as an admin reads it: each block's text, or its label and what it holds.
            await File.AppendAllTextAsync(dump, "== Slack /analyze settings modal\n" + string.Join("\n", blocks.Select(b =>
                b.TryGetProperty("text", out var t) ? t.GetProperty("text").GetString()
                : b.TryGetProperty("label", out var l) ? $"[{l.GetProperty("text").GetString()}] {Shown(b.GetProperty("element"))}"
                : "----")) + "\n\n");
        }

        static string Text(JsonElement block) => block.GetProperty("text").GetProperty("text").GetString()!;
        static string Shown(JsonElement element) =>
            element.TryGetProperty("initial_value", out var v) ? v.GetString()!.ReplaceLineEndings(" ⏎ ")
            : element.TryGetProperty("options", out var o) ? string.Join(" / ", o.EnumerateArray().Select(x => x.GetProperty("text").GetProperty("text").GetString()))
            : "(empty)";
    }

    [Fact]
    public async Task A_submission_with_problems_keeps_the_modal_open_with_each_under_its_field()
    {
        var view = await OpenAsAdminAsync();

        var (status, body) = await SubmitAsync(Submission(view, new()
        {
            ["prompt1_instructions"] = "",
            ["monthly_budget_usd"] = "80",
            ["answers"] = "not a language",
        }));

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.Contains("instructions are empty", answer["errors"]!["prompt1_instructions"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most $50", answer["errors"]!["monthly_budget_usd"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not a language code", answer["errors"]!["answers"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TenantSettings.Defaults.Serialize(), (await Settings.GetAsync("slack", _h.Slack.TeamId, CancellationToken.None)).Serialize());
    }

    [Fact]
    public async Task A_valid_submission_saves_what_changed_and_the_channel_rule_then_applies_at_analyze()
    {
        var view = await OpenAsAdminAsync();
        var (status, body) = await SubmitAsync(Submission(view, new()
        {
            ["prompt2_instructions"] = "List the open questions.",
            ["glossary"] = "Kubernetes\nAcme",
            ["monthly_budget_usd"] = "20",
            ["channels"] = new JsonArray("C0ELSEWHERE"),
            ["enabled"] = new JsonArray(new JsonObject { ["value"] = "verdict" }),
        }));
        var saved = await Settings.GetAsync("slack", _h.Slack.TeamId, CancellationToken.None);
        var history = await Settings.HistoryAsync("slack", _h.Slack.TeamId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, ""), (status, body));
        Assert.Equal("List the open questions.", saved.Prompts![1].Instructions);
        Assert.Null(saved.Models);
        Assert.Null(saved.AnswerLanguage);
        Assert.Equal(["Kubernetes", "Acme"], saved.Glossary!);
        Assert.Equal(20m, saved.MonthlyBudgetUsd);
        Assert.Equal(["C0ELSEWHERE"], saved.AccessChannels!);
        Assert.Equal((true, false), (saved.Verdict, saved.Pages));
        Assert.Equal($"<@{SlackFlowHarness.Person}>", Assert.Single(history).By);

        // The admin may analyze anywhere; someone else only in the chosen channel.
        var other = "U0OTHER001";
        var ts = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, other, "look", _h.Video);
        var shortcut = _h.Shortcut(ts, user: other);
        await _h.InteractAsync(shortcut);
        var note = await SlackFlowHarness.EventuallyAsync(
            () => _h.Slack.Messages.FirstOrDefault(m => m.EphemeralFor == other), m => m is not null);
        Assert.Contains("only in <#C0ELSEWHERE>", note!.Text, StringComparison.Ordinal);
        Assert.Contains("Workspace admins and owners always may", note.Text, StringComparison.Ordinal);
        Assert.Empty(await _h.JobsForAsync(ts));

        var byAdmin = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, "mine", _h.Video);
        await _h.InteractAsync(_h.Shortcut(byAdmin));
        Assert.NotNull(await _h.WaitForFirstJobAsync(byAdmin));
    }
}
