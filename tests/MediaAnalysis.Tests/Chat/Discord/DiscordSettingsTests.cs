using System.Text.Json.Nodes;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Settings;
using static MediaAnalysis.Tests.Chat.Discord.DiscordSettingsPayloads;

namespace MediaAnalysis.Tests.Chat.Discord;

// Every /settings subcommand and both modals through the real endpoint with signed requests; the answers are private.
public sealed class DiscordSettingsTests : IAsyncLifetime
{
    private const string Guild = "1300000000000000100";
    private PipelineHarness _outside = null!;
    private DiscordFlowHarness _d = null!;

    private ServerSettings Settings => _d.App.Services.GetRequiredService<ServerSettings>();

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _d = await DiscordFlowHarness.StartAsync(_outside, new Dictionary<string, string?>
        {
            ["Analysis:AllowedModels:0"] = "vendor-a/model-1",
            ["Analysis:AllowedModels:1"] = "vendor-b/model-2",
            ["Analysis:AllowedModels:2"] = "vendor-c/model-3",
            ["Analysis:AllowedModels:3"] = "vendor-d/model-4",
            ["Limits:MonthlyBudgetUsd"] = "50",
            ["Media:MaxDurationMinutes"] = "120",
        });
    }

    public async Task DisposeAsync()
    {
        await _d.DisposeAsync();
        await _outside.DisposeAsync();
    }

    private Task<TenantSettings> Current() => Settings.GetAsync("discord", Guild, CancellationToken.None);

    private static void AssertPrivate(JsonObject reply)
    {
        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
    }

    [Fact]
    public void Register_commands_sends_settings_with_manage_server_and_every_subcommand_within_Discords_rules()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(DiscordCommands.Registered, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var settings = DiscordCommands.Registered.Single(c => c.Name == "settings");

        Assert.Null(FakeDiscordCommandRules.Check(document.RootElement));
        Assert.Equal("32", settings.DefaultMemberPermissions);
        Assert.Equal(["show", "prompts", "models", "language", "glossary", "limits", "access", "verdict", "pages", "reset"], settings.Options!.Select(o => o.Name));
        Assert.All(settings.Options!.Single(o => o.Name == "models").Options!, o => Assert.True(o.Autocomplete));
    }

    [Fact]
    public async Task Show_lists_every_setting_as_the_operators_default_privately()
    {
        var reply = await _d.InteractAsync(Command(_d, "show"));

        AssertPrivate(reply);
        var fields = reply["data"]!["embeds"]![0]!["fields"]!.AsArray().Select(f => (f!["name"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        Assert.Contains(fields, f => f.Item1 == "Models" && f.Item2.StartsWith("vendor-a/model-1, vendor-b/model-2, vendor-c/model-3", StringComparison.Ordinal) && f.Item2.EndsWith("*default*", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.Item1 == "Monthly budget" && f.Item2.StartsWith("$50.00", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.Item1 == "Recent changes" && f.Item2 == "None yet.");
    }

    [Fact]
    public async Task The_prompts_modal_opens_pre_filled_and_its_submission_is_saved()
    {
        var modal = await _d.InteractAsync(Command(_d, "prompts"));

        Assert.Equal(9, modal["type"]!.GetValue<int>());
        Assert.Equal("settings:prompts", modal["data"]!["custom_id"]!.GetValue<string>());
        var inputs = modal["data"]!["components"]!.AsArray().Select(r => r!["components"]![0]!).ToList();
        Assert.Equal(["prompt1_name", "prompt1_instructions", "prompt2_name", "prompt2_instructions"], inputs.Select(i => i["custom_id"]!.GetValue<string>()));
        Assert.Equal("Summary", inputs[0]["value"]!.GetValue<string>());
        Assert.Contains("Summarize this transcript", inputs[1]["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("{transcript}", inputs[1]["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(inputs, i => Assert.InRange(i["value"]!.GetValue<string>().Length, 1, 4000));

        var saved = await _d.InteractAsync(As(ModalSubmit(_d, "settings:prompts", ("prompt1_name", "Minutes"), ("prompt1_instructions", "Write meeting minutes."),
            ("prompt2_name", "Actions"), ("prompt2_instructions", "List action items with owners.")), "1300000000000000301", Manager));

        AssertPrivate(saved);
        Assert.Contains("Saved: prompts: Minutes, Actions", Content(saved), StringComparison.Ordinal);
        Assert.Equal([new("Minutes", "Write meeting minutes."), new("Actions", "List action items with owners.")], (await Current()).Prompts!);
        var again = await _d.InteractAsync(Command(_d, "prompts"));
        Assert.Equal("Write meeting minutes.", again["data"]!["components"]![1]!["components"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_prompt_is_refused_and_nothing_is_saved()
    {
        var reply = await _d.InteractAsync(ModalSubmit(_d, "settings:prompts", ("prompt1_name", "Minutes"), ("prompt1_instructions", "   "),
            ("prompt2_name", "Actions"), ("prompt2_instructions", "List action items.")));

        AssertPrivate(reply);
        Assert.Contains("Not saved", Content(reply), StringComparison.Ordinal);
        Assert.Contains("first prompt's instructions are empty", Content(reply), StringComparison.Ordinal);
        Assert.Null((await Current()).Prompts);
    }

    [Fact]
    public async Task Models_come_from_the_allowed_list_which_autocomplete_offers()
    {
        var offered = await _d.InteractAsync(Autocomplete(_d, "model-"));
        var outside = await _d.InteractAsync(Command(_d, "models", Option("model1", 3, "vendor-a/model-1"), Option("model2", 3, "vendor-x/secret"), Option("model3", 3, "vendor-d/model-4")));
        var inside = await _d.InteractAsync(Command(_d, "models", Option("model1", 3, "vendor-d/model-4"), Option("model2", 3, "vendor-b/model-2"), Option("model3", 3, "vendor-a/model-1")));

        Assert.Equal(8, offered["type"]!.GetValue<int>());
        Assert.Equal(["vendor-a/model-1", "vendor-b/model-2", "vendor-c/model-3", "vendor-d/model-4"],
            offered["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Contains("vendor-x/secret is not one of the models this bot allows", Content(outside), StringComparison.Ordinal);
        Assert.Contains("Saved: models: vendor-d/model-4, vendor-b/model-2, vendor-a/model-1", Content(inside), StringComparison.Ordinal);
        Assert.Equal(["vendor-d/model-4", "vendor-b/model-2", "vendor-a/model-1"], (await Current()).Models!);
    }

    [Fact]
    public async Task Language_glossary_limits_verdict_pages_and_reset_each_save_and_show_lists_the_last_five_changes()
    {
        AssertPrivate(await _d.InteractAsync(Command(_d, "language", Option("answers", 3, "de"))));
        var badLanguage = await _d.InteractAsync(Command(_d, "language", Option("answers", 3, "not a language")));
        var glossaryModal = await _d.InteractAsync(Command(_d, "glossary"));
        await _d.InteractAsync(ModalSubmit(_d, "settings:glossary", ("glossary", "Kubernetes\nAcme Corp, Dr. Nguyen")));
        var overBudget = await _d.InteractAsync(Command(_d, "limits", Option("monthly_budget_usd", 10, 75.5)));
        var tooLong = await _d.InteractAsync(Command(_d, "limits", Option("max_minutes", 4, 500)));
        await _d.InteractAsync(Command(_d, "limits", Option("monthly_budget_usd", 10, 20), Option("per_member_daily", 4, 3), Option("max_minutes", 4, 30)));
        await _d.InteractAsync(Command(_d, "verdict", Option("enabled", 5, true)));
        await _d.InteractAsync(Command(_d, "pages", Option("enabled", 5, false)));

        var s = await Current();
        Assert.Contains("not a language code", Content(badLanguage), StringComparison.Ordinal);
        Assert.Equal((9, "settings:glossary"), (glossaryModal["type"]!.GetValue<int>(), glossaryModal["data"]!["custom_id"]!.GetValue<string>()));
        Assert.Contains("at most $50", Content(overBudget), StringComparison.Ordinal);
        Assert.Contains("1 to 120 minutes", Content(tooLong), StringComparison.Ordinal);
        Assert.Equal("de", s.AnswerLanguage);
        Assert.Equal(["Kubernetes", "Acme Corp", "Dr. Nguyen"], s.Glossary!);
        Assert.Equal((20m, 3, 30), (s.MonthlyBudgetUsd, s.PerMemberDaily, s.MaxMinutes));
        Assert.Equal((true, false), (s.Verdict, s.Pages));
        var limits = await _d.App.Services.GetRequiredService<MediaAnalysis.Jobs.ITenantLimitsSource>().GetAsync("discord", Guild, CancellationToken.None);
        Assert.Equal(new MediaAnalysis.Jobs.TenantLimits(20m, 3, 30), limits);

        var show = await _d.InteractAsync(Command(_d, "show"));
        var changes = show["data"]!["embeds"]![0]!["fields"]!.AsArray().Last()!["value"]!.GetValue<string>().Split('\n');
        Assert.Equal(5, changes.Length);
        Assert.Contains("results pages off", changes[0], StringComparison.Ordinal);
        Assert.Contains("<@1300000000000000300>", changes[0], StringComparison.Ordinal);
        Assert.Contains("glossary: 3 terms", changes[3], StringComparison.Ordinal);
        Assert.Contains("answer language: de", changes[4], StringComparison.Ordinal);

        var reset = await _d.InteractAsync(Command(_d, "reset"));
        Assert.Contains("back to the operator's defaults", Content(reset), StringComparison.Ordinal);
        Assert.Equal(TenantSettings.Defaults.Serialize(), (await Current()).Serialize());
    }

    [Fact]
    public async Task A_role_restricted_server_refuses_a_member_without_the_role_and_accepts_a_manager()
    {
        var role = "1300000000000000444";
        await _d.InteractAsync(Command(_d, "access", Option("role", 8, role)));

        var without = As(_d.SlashCommand("clip.mp4"), "1300000000000000301", "2048");
        var refused = await _d.InteractAsync(without);
        var member = As(_d.SlashCommand("clip.mp4"), "1300000000000000302", "2048", role);
        var withRole = await _d.InteractAsync(member);
        var manager = As(_d.SlashCommand("clip.mp4"), "1300000000000000303", Manager);
        var managerReply = await _d.InteractAsync(manager);

        AssertPrivate(refused);
        Assert.Contains($"members with the <@&{role}> role", Content(refused), StringComparison.Ordinal);
        Assert.Contains("manage the server always may", Content(refused), StringComparison.Ordinal);
        Assert.Null(await _d.Store.FindByKeyAsync($"discord:{without["id"]}", CancellationToken.None));
        Assert.NotNull(await _d.Store.FindByKeyAsync($"discord:{member["id"]}", CancellationToken.None));
        Assert.NotNull(await _d.Store.FindByKeyAsync($"discord:{manager["id"]}", CancellationToken.None));
        Assert.Equal(4, managerReply["type"]!.GetValue<int>());
        Assert.Null(managerReply["data"]!["flags"]);
        Assert.Equal(4, withRole["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_channel_restriction_refuses_elsewhere_and_everyone_clears_it()
    {
        await _d.InteractAsync(Command(_d, "access", Option("channel", 7, "1300000000000000201")));

        var elsewhere = _d.SlashCommand("clip.mp4");
        var refused = await _d.InteractAsync(elsewhere);
        await _d.InteractAsync(Command(_d, "access", Option("everyone", 5, true)));
        var afterwards = (await Current()).EveryoneMayAnalyze;

        AssertPrivate(refused);
        Assert.Contains("only in <#1300000000000000201>", Content(refused), StringComparison.Ordinal);
        Assert.Null(await _d.Store.FindByKeyAsync($"discord:{elsewhere["id"]}", CancellationToken.None));
        Assert.True(afterwards);
    }
}
